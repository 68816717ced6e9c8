"""The portal tests' data: the applications app's cast, and the online form as a browser posts it."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from gongkai.applications.tests.factories import PERSON, Cast, make_cast, register

__all__ = ["APPLY_FORM", "PERSON", "Cast", "make_cast", "register"]

APPLY_FORM = {
    "applicant_type": "natural_person",
    "applicant_name": "张三",
    "applicant_id_type": "resident_id",
    "applicant_id_number": "11010519491231002X",
    "phone": "13800138000",
    "email": "zhangsan@example.cn",
    "address": "宁波市海曙区解放南路1号",
    "postcode": "315000",
    "description": "2024年宁波市重点建设项目计划的批准文件",
    "requested_form": "electronic",
    "delivery_method": "email",
}


@pytest.fixture(autouse=True)
def fresh_throttle() -> None:
    """The guessing brake counts in the cache, which outlives a test."""
    cache.clear()
