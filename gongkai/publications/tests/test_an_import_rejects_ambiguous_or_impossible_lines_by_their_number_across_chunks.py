"""An import file with a BOM and CRLF line ends, whose bad lines are spread across the chunks that are saved
in order of publication: every bad line is reported with its own number and reason, every good one saved
once, none lost — in this process and in the second one a large import parses in. Before, a line that named
`title` twice was saved with the last one, a "published" of 1900 (an old site's placeholder) was saved, and
a title with a control character was saved (and broke the feeds)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from gongkai.publications import importer
from gongkai.publications.models import Publication
from gongkai.publications.tests.factories import make_cast

pytestmark = pytest.mark.django_db


def good(n: int, published: str) -> str:
    return json.dumps({"title": f"通知{n}", "published": published}, ensure_ascii=False)


LINES = [
    "\ufeff" + good(1, "2024-03-01"),
    good(2, "2024-01-01"),
    "[1, 2]",
    "42",
    "null",
    '{"title": "第一个标题", "title": "第二个标题", "published": "2024-02-01"}',
    good(7, "2999-01-01"),
    good(8, "1900-01-01"),
    "",
    good(10, "2023-05-05"),
    '"一段文字"',
    good(12, "1949-10-01"),
    '{"title": "日期不存在", "published": "2024-02-30"}',
    good(14, "2021-01-01"),
    '{"title": "控制\\u0001字符", "published": "2024-02-02"}',
    '{"title": "正文有空字符", "published": "2024-02-03", "body": "a\\u0000b"}',
    good(17, "2024-12-31"),
]
REJECTED = {
    3: "每行应为一个 JSON 对象",
    4: "每行应为一个 JSON 对象",
    5: "每行应为一个 JSON 对象",
    6: "“title”出现了不止一次",
    7: "发布日期 2999-01-01 晚于今天",
    8: "发布日期 1900-01-01 早于 1949-10-01",
    11: "每行应为一个 JSON 对象",
    13: "published 应为日期 YYYY-MM-DD：2024-02-30",
    15: "title 含有控制字符 U+0001",
    16: "含有空字符（\\u0000），无法保存",
}


@pytest.mark.parametrize("parallel", [False, True], ids=["here", "second_process"])
def test_each_bad_line_is_reported_by_its_number_and_each_good_one_saved_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parallel: bool
) -> None:
    monkeypatch.setattr(importer, "CHUNK_LINES", 4)
    monkeypatch.setattr(importer, "BATCH", 2)
    monkeypatch.setattr(importer, "PARALLEL_MIN_LINES", 1 if parallel else 10**9)
    cast = make_cast()
    path = tmp_path / "items.jsonl"
    path.write_bytes("\r\n".join(LINES).encode("utf-8"))

    result = importer.import_publications(agency=cast.agency, path=path)

    assert {e.line: e.reason for e in result.errors} == REJECTED
    assert [e.line for e in result.errors] == sorted(REJECTED)
    saved = Counter(Publication.objects.filter(agency=cast.agency).values_list("title", flat=True))
    assert saved == Counter(f"通知{n}" for n in (1, 2, 10, 12, 14, 17))
    assert result.imported == 6
