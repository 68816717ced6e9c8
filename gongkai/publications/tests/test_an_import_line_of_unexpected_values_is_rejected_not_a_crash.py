"""A line of an import file whose values are of a kind no field takes (a list for the type, an object for
the genre), whose text holds half a surrogate pair (which no database stores), or whose attachment path
holds a NUL is reported with its number and reason and nothing of it saved; the other lines are imported
and the exit is 1. Before, the first such line ended the whole import with a traceback."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.publications.models import Publication
from gongkai.publications.tests.factories import make_cast

pytestmark = pytest.mark.django_db

BAD = [
    '{"title": "类型是列表", "published": "2024-01-01", "kind": ["规章"]}',
    '{"title": "体裁是对象", "published": "2024-01-01", "genre": {"名称": "通知"}}',
    '{"title": "有效性是列表", "published": "2024-01-01", "validity": ["有效"]}',
    '{"title": "半个代理对\\ud800", "published": "2024-01-01"}',
    '{"title": "路径含空字符", "published": "2024-01-01", "attachments": ["a\\u0000b.pdf"]}',
]


def test_each_bad_line_is_reported_and_the_good_ones_imported(tmp_path: Path) -> None:
    make_cast()
    good = json.dumps(
        {"title": "关于公布行政许可事项清单的通知", "published": "2024-03-01"}, ensure_ascii=False
    )
    source = tmp_path / "items.jsonl"
    source.write_text("\n".join([good, *BAD, good.replace("许可", "处罚")]) + "\n", encoding="utf-8")
    err, out = StringIO(), StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("publications", "import", str(source), "--agency", "NB-FGW", stdout=out, stderr=err)
    assert failed.value.returncode == 1
    messages = err.getvalue()
    assert "第 2 行：kind 应为文字" in messages
    assert "第 3 行：genre 应为文字" in messages
    assert "第 4 行：validity 应为文字" in messages
    assert "第 5 行：含有无效的字符" in messages
    assert "第 6 行：含有空字符" in messages  # any NUL in the line, the attachment path's too
    assert "已导入 2 条，拒绝 5 条" in out.getvalue()
    assert sorted(Publication.objects.values_list("title", flat=True)) == [
        "关于公布行政处罚事项清单的通知",
        "关于公布行政许可事项清单的通知",
    ]
