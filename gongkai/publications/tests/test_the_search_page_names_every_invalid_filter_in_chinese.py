"""The public search page answers an invalid filter (year=abc, year=99999, validity/genre/kind/order
unknown, page=10^9, an unknown body, an overlong query, more than ten terms) with a 400 whose message names the filter in
Chinese, never a 500; the page number's message said "Page：…"."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from gongkai.publications.tests.factories import make_cast

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("params", "label"),
    [
        ({"year": "abc"}, "发布年度"),
        ({"year": "99999"}, "发布年度"),
        ({"validity": "bogus"}, "有效性"),
        ({"genre": "bogus"}, "体裁"),
        ({"kind": "bogus"}, "信息类型"),
        ({"order": "bogus"}, "排序"),
        ({"page": "1000000000"}, "页码"),
        ({"page": "abc"}, "页码"),
        ({"agency": "NOPE"}, "发布机构"),
        ({"q": "检" * 300}, "检索词"),
    ],
)
def test_an_invalid_filter_is_a_400_naming_it_in_chinese(params: dict[str, str], label: str) -> None:
    make_cast()
    response = Client().get("/disclosure/search/", {"q": "通知", **params})
    assert response.status_code == 400
    html = response.content.decode()
    assert f"{label}：" in html
    assert not re.search(r"[A-Z][a-z]+：", html)  # no English field name before a message


def test_a_query_the_search_refuses_is_a_400_with_its_message() -> None:
    make_cast()
    response = Client().get("/disclosure/search/", {"q": " ".join(f"词{n}" for n in range(11))})
    assert response.status_code == 400  # it was a 200 showing the message
    assert "检索词最多 10 个。" in response.content.decode()
