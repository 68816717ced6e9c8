"""The JSON API (django-ninja), with its OpenAPI schema at /api/openapi.json and docs at /api/docs.

- `POST /api/status` (public): an applicant's status query, by number and query code;
- `/api/agencies/{code}/applications…` (a body's token, `Authorization: Bearer …`): submit an
  application from another platform, list the body's open applications, get one.
Tokens are made by an administrator: `gongkai api token create --agency CODE --name NAME`.
"""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from gongkai.api import public, publications, staff
from gongkai.api.errors import install_error_handlers


class ChineseJSONRenderer(JSONRenderer):
    """UTF-8 JSON: Chinese text as itself, not as \\u escapes, so answers read as they are."""

    json_dumps_params: dict[str, Any] = {"ensure_ascii": False}


api = NinjaAPI(
    title="公开 Gongkai API",
    version="1",
    description=(
        "政府信息公开申请的提交与查询接口，以及已公开政府信息的列表、检索和读取（无需令牌）。机关平台的调用须带本机关的接口令牌（Authorization: Bearer <令牌>），"
        "令牌只能办理本机关的申请；令牌由系统管理员用 `gongkai api token create --agency 机关代码 --name 名称` 创建。"
        "错误以 JSON 返回，detail 为中文说明：400 请求体不是有效的 JSON、含有空字符或不符合办理规则，401 令牌无效，"
        "403 无权，404 未找到（包括不存在的接口地址），422 请求格式不符，429 查询过于频繁，"
        "503 系统正忙（按 Retry-After 头所示秒数后重试）。"
    ),
    urls_namespace="api",
    renderer=ChineseJSONRenderer(),
)
install_error_handlers(api)
api.add_router("/", public.router)
api.add_router("/agencies", staff.router)
api.add_router("/", publications.router)
