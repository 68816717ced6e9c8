"""A bad parameter of the list or search of published items (a page of 0 or 10^23, a word for a number, a
per_page past 100, a subtree that is no boolean) is a 422 that names the parameter in Chinese and says what
it should be. It was "page：取值无效" or "year：类型不正确": the English name and no range."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"page": "0"}, "页码：应不小于 1"),
        ({"page": "-1"}, "页码：应不小于 1"),
        ({"page": "99999999999999999999999"}, "页码：应不大于 10000"),
        ({"page": "abc"}, "页码：应为整数"),
        ({"page": "1.5"}, "页码：应为整数"),
        ({"per_page": "1000"}, "每页条数：应不大于 100"),
        ({"per_page": "0"}, "每页条数：应不小于 1"),
        ({"year": "abc"}, "发布年度：应为整数"),
        ({"category": "1 OR 1=1"}, "公开目录编号：应为整数"),
        ({"subtree": "maybe"}, "含下级机关：应为 true 或 false"),
        ({"q": "检" * 201}, "检索词：不能超过 200 个字符"),
    ],
)
def test_the_message_names_the_parameter_and_what_it_should_be(params: dict[str, str], message: str) -> None:
    for url in ("/api/publications", "/api/publications/search"):
        response = Client().get(url, params)
        assert response.status_code == 422
        assert response.json()["detail"] == f"请求数据有误：{message}"
