"""Site-wide views: the health check and the error handler that turns a busy database into a 503."""

from __future__ import annotations

import re
import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseNotFound, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.defaults import bad_request as django_bad_request
from django.views.defaults import server_error as django_server_error

from gongkai.core.middleware import busy_response, error_response, is_busy, wants_json


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """For the load balancer and systemd: 200 when the application answers and its database does."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse({"status": "error", "database": str(error)[:200]}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor})


CHINESE = re.compile(r"[\u4e00-\u9fff]")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler404: the view's own reason when it gave one in Chinese ("申请不存在，或您无权查看。"), never
    Django's English internals ("No Agency matches the given query.")."""
    message = exception.args[0] if exception.args and isinstance(exception.args[0], str) else ""
    if wants_json(request):
        return error_response(request, 404, "未找到", message if CHINESE.search(message) else "未找到。")
    context = {"message": message if CHINESE.search(message) else ""}
    return HttpResponseNotFound(render_to_string("404.html", context, request))


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler400: the API's refusal of a request Django could not read (too many parameters, a body too
    large) is JSON with a Chinese detail, as every other error of the API (it was the site's HTML page)."""
    if not wants_json(request):
        if isinstance(exception, RequestDataTooBig):
            return _form_too_large(request)
        return django_bad_request(request, exception)
    if isinstance(exception, TooManyFieldsSent | TooManyFilesSent):
        message = "请求的参数过多，无法处理。"
    elif isinstance(exception, RequestDataTooBig):
        message = "请求体过大，无法处理。"
    else:
        message = "请求有误，无法处理。"
    return error_response(request, 400, "请求有误", message)


def _form_too_large(request: HttpRequest) -> HttpResponse:
    """A form posted past DATA_UPLOAD_MAX_MEMORY_SIZE (a draft's body pasted from a document of hundreds of
    thousands of characters): say so, and what to do, instead of "incomplete or malformed"."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024 // 1024
    message = (
        f"提交的内容超过 {limit} MB 的上限，未能保存。正文特别长的，请将全文作为 PDF 或 DOCX 附件上传，"
        "正文只写摘要或前言；请返回上一页修改后重试。"
    )
    return HttpResponseBadRequest(render_to_string("400.html", {"message": message}, request))


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: "busy, retry" when the exception being handled is SQLite's lock timeout; the API gets
    JSON; everything else the site's 500 page."""
    error = sys.exc_info()[1]
    if is_busy(error):
        return busy_response(request)
    if wants_json(request):
        return error_response(
            request, 500, "系统错误", "系统暂时出现错误，您的请求未能完成，已保存的数据不受影响。"
        )
    return django_server_error(request)
