"""Every error the API returns is JSON with a Chinese `detail`; input errors also list their fields.

- 422: the request does not match the schema (a field missing, a wrong type or format);
- 400: the body is not JSON, or it is well-formed but the services reject it (a rule of the 条例);
- 401: no valid token; 403: a token of another body; 404: not found; 429: too many requests.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaError

from gongkai.applications.models import Application

if TYPE_CHECKING:
    from ninja import NinjaAPI

# Labels of the fields that are not the application's own (those take its verbose_name).
EXTRA_LABELS = {"query_code": "查询码", "number": "受理编号", "payload": "请求体", "state": "期限状态"}
# The parameters of the lists of published items and of applications.
EXTRA_LABELS |= {
    "q": "检索词", "agency": "机关代码", "subtree": "含下级机关", "category": "公开目录编号", "year": "发布年度",
    "validity": "有效性", "genre": "体裁", "kind": "信息类型", "order": "排序", "page": "页码", "per_page": "每页条数",
}  # fmt: skip
# A bound of a number (ge=1, le=10000…): the message names it.
BOUNDS = {
    "greater_than_equal": ("ge", "不小于"), "greater_than": ("gt", "大于"),
    "less_than_equal": ("le", "不大于"), "less_than": ("lt", "小于"),
}  # fmt: skip

# django-ninja's own messages, in Chinese.
NINJA_MESSAGES = {"Cannot parse request body": "请求体无法解析：应为有效的 JSON。"}

DATE_ERRORS = {"date_parsing", "date_type", "date_from_datetime_parsing", "date_from_datetime_inexact"}
DATETIME_ERRORS = {"datetime_parsing", "datetime_type", "datetime_from_date_parsing", "timezone_aware"}
TYPE_ERRORS = {"string_type", "float_type"}
INT_ERRORS = {"int_type", "int_parsing", "int_from_float"}
BOOL_ERRORS = {"bool_type", "bool_parsing"}


def field_label(name: str) -> str:
    if name in EXTRA_LABELS:
        return EXTRA_LABELS[name]
    try:
        field = Application._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return str(getattr(field, "verbose_name", name))


def schema_error_message(error: dict[str, Any]) -> str:  # noqa: C901 - one message per kind of pydantic error
    """One pydantic error in Chinese."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "必须填写"
    if kind == "string_too_short":
        return "不能为空" if ctx.get("min_length") == 1 else f"至少 {ctx.get('min_length')} 个字符"
    if kind == "string_too_long":
        return f"不能超过 {ctx.get('max_length')} 个字符"
    if kind in ("enum", "literal_error"):
        return f"取值应为以下之一：{ctx.get('expected', '')}"
    if kind in DATE_ERRORS:
        return "日期格式应为 YYYY-MM-DD"
    if kind in DATETIME_ERRORS:
        return "时间格式应为 ISO 8601 并带时区，如 2025-03-04T09:30:00+08:00"
    if kind in BOUNDS:
        bound, words = BOUNDS[kind]
        return f"应{words} {ctx.get(bound)}"
    if kind in INT_ERRORS:
        return "应为整数"
    if kind in BOOL_ERRORS:
        return "应为 true 或 false"
    if kind in TYPE_ERRORS:
        return "类型不正确"
    if kind == "json_invalid":
        return "请求体不是有效的 JSON"
    if kind in ("model_attributes_type", "dict_type", "model_type"):
        return "请求体应为 JSON 对象"
    if kind == "extra_forbidden":
        return "不接受此字段"
    if kind == "value_error":
        # Our own validators raise ValueError with a Chinese message; pydantic prefixes it.
        return str(error.get("msg", "")).removeprefix("Value error, ")
    return "取值无效"


def schema_errors(errors: list[dict[str, Any]]) -> list[dict[str, str]]:
    result = []
    for error in errors:
        # loc is ("body", "payload", "field", …) or ("query", "field"): the field is the last name in it.
        names = [part for part in error.get("loc", ()) if isinstance(part, str)]
        field = names[-1] if len(names) > 1 else ""
        label = field_label(field) if field and field != "payload" else "请求体"
        result.append({"field": field, "message": f"{label}：{schema_error_message(error)}"})
    return result


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(SchemaError)
    def on_schema_error(request: HttpRequest, exc: SchemaError) -> HttpResponse:
        errors = schema_errors(exc.errors)
        detail = "请求数据有误：" + "；".join(e["message"] for e in errors)
        return api.create_response(request, {"detail": detail, "errors": errors}, status=422)

    @api.exception_handler(DjangoValidationError)
    def on_rejected(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        if hasattr(exc, "error_dict"):
            errors = [
                {"field": field, "message": f"{field_label(field)}：{message}"}
                for field, messages in exc.message_dict.items()
                for message in messages
            ]
        else:
            errors = [{"field": "", "message": message} for message in exc.messages]
        detail = "；".join(e["message"] for e in errors)
        return api.create_response(request, {"detail": detail, "errors": errors}, status=400)

    @api.exception_handler(PermissionDenied)
    def on_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return api.create_response(request, {"detail": str(exc) or "无权执行此操作。"}, status=403)

    @api.exception_handler(AuthenticationError)
    def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = api.create_response(
            request,
            {
                "detail": "缺少有效的接口令牌：请在请求头中发送 Authorization: Bearer <令牌>；令牌可能有误或已被吊销。"
            },
            status=401,
        )
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(Http404)
    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return api.create_response(request, {"detail": str(exc) or "未找到。"}, status=404)

    @api.exception_handler(HttpError)
    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        detail = NINJA_MESSAGES.get(exc.message.split(" (")[0], exc.message)
        return api.create_response(request, {"detail": detail}, status=exc.status_code)
