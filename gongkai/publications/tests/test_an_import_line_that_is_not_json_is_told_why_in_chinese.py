"""An import line that is not JSON is rejected with the reason in Chinese and the column: it was the json
module's English ("Expecting ',' delimiter")."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from gongkai.publications.import_line import parse


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"title": "通知" "published": "2024-01-01"}', "缺少逗号，第 16 列"),
        ('{"title": "通知", }', "名称应以英文双引号括起"),
        ('{"title" "通知"}', "名称后缺少冒号"),
        ('{"title": "通知"} 多余', "一个对象之后还有多余的内容"),
        ('{"title": "通知', "文字缺少结尾的双引号"),
        ('{"title": "通\t知"}', "文字中含有未转义的控制字符"),
        ('{"title": "\\q"}', "无效的转义符"),
        ("{title: 1}", "名称应以英文双引号括起"),
        ("[1,]", "此处缺少值"),
    ],
)
def test_the_reason_is_in_chinese(line: str, reason: str) -> None:
    with pytest.raises(ValidationError) as rejected:
        parse(1, line, Path("."), date(2025, 1, 1), "sqlite")
    message = rejected.value.messages[0]
    assert message.startswith("不是有效的 JSON（") and reason in message
    assert not re.search(r"[A-Za-z]{3,}", message.removeprefix("不是有效的 JSON"))
