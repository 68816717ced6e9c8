"""The JSON API (django-ninja), with its OpenAPI schema at /api/openapi.json and docs at /api/docs."""

from __future__ import annotations

from ninja import NinjaAPI

api = NinjaAPI(title="公开 Gongkai API", version="1", description="政府信息公开申请的提交与查询接口")
