"""Requests refused before any view runs, and the answer when the embedded database is busy.

- A NUL character in the path, the query, a cookie, a URL-encoded form or a JSON body is refused with a
  400 and a clear message: no legitimate input holds one, and PostgreSQL cannot store one (it would
  fail as a 500 deep in a query). Multipart forms are not read here (their files are read only after
  the view has checked the user's role); their text fields are Django form fields, which refuse NUL.
- SQLite allows one writer at a time; a writer that still cannot get the lock after the busy timeout
  gets "busy, retry" (503 with Retry-After), never a 500 (`busy_response`, used by `views.server_error`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

NUL = "\x00"
NUL_MESSAGE = "请求中含有空字符（NUL, \\u0000），无法处理。请检查输入的内容后重试。"
BUSY_MESSAGE = "系统正忙（其他操作正在写入数据），您的请求未被处理，请稍后几秒重试。"
RETRY_AFTER_SECONDS = 5


def wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def error_response(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    """A refusal in the page's language: JSON for the API, the site's error page otherwise."""
    if wants_json(request):
        return JsonResponse({"detail": message}, status=status, json_dumps_params={"ensure_ascii": False})
    html = render_to_string("error.html", {"title": title, "message": message, "status": status}, request)
    return HttpResponse(html, status=status)


def _strings(value: Any) -> Iterator[str]:
    """Every string in a decoded JSON document, keys included (iteratively: a deep document is no risk)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def has_nul(request: HttpRequest) -> bool:
    if NUL in request.path or NUL in request.META.get("QUERY_STRING", ""):
        return True
    if any(NUL in key or any(NUL in v for v in values) for key, values in request.GET.lists()):
        return True
    if any(NUL in key or NUL in value for key, value in request.COOKIES.items()):
        return True
    if request.method not in ("POST", "PUT", "PATCH"):
        return False
    content_type = request.content_type or ""
    if content_type == "application/x-www-form-urlencoded":
        return any(NUL in key or any(NUL in v for v in values) for key, values in request.POST.lists())
    if content_type == "application/json":
        body = request.body
        if b"\x00" in body:
            return True
        if b"\\u0000" not in body:
            return False
        try:
            document = json.loads(body)
        except ValueError:
            return False  # the API says the body is not JSON
        return any(NUL in text for text in _strings(document))
    return False


class RefuseNulBytesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_nul(request):
            return error_response(request, 400, "请求有误", NUL_MESSAGE)
        return self.get_response(request)


def is_busy(error: BaseException | None) -> bool:
    """SQLite's "database is locked" (or "table is locked") after the busy timeout."""
    return isinstance(error, OperationalError) and "locked" in str(error)


def busy_response(request: HttpRequest) -> HttpResponse:
    response = error_response(request, 503, "系统正忙", BUSY_MESSAGE)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
