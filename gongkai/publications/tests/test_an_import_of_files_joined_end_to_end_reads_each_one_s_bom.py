"""Two import files saved with a BOM (as Windows tools save UTF-8) and joined end to end: the line where the
second begins is read like the first line of a file. It was rejected as "不是有效的 JSON（Unexpected UTF-8
BOM (decode using utf-8-sig)…）", in English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.publications import importer
from gongkai.publications.models import Publication
from gongkai.publications.tests.factories import make_cast

pytestmark = pytest.mark.django_db


def test_a_bom_at_the_start_of_any_line_is_read_as_the_start_of_a_file(tmp_path: Path) -> None:
    cast = make_cast()
    first = "\ufeff" + json.dumps({"title": "第一个文件", "published": "2024-01-02"}, ensure_ascii=False)
    second = "\ufeff" + json.dumps({"title": "第二个文件", "published": "2024-01-03"}, ensure_ascii=False)
    path = tmp_path / "joined.jsonl"
    path.write_bytes(f"{first}\r\n{second}\r\n".encode())
    result = importer.import_publications(agency=cast.agency, path=path)
    assert result.errors == []
    assert sorted(Publication.objects.values_list("title", flat=True)) == ["第一个文件", "第二个文件"]
