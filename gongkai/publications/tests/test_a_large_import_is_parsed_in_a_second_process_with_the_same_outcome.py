"""A large import (importer.PARALLEL_MIN_LINES lines or more) parses its lines in a second process while
this one writes: the outcome is the one of parsing here — the same items with the same index numbers,
the same rejected lines and reasons, the guard's findings (in attachments too) on the same items, every
item found by the search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.publications import importer
from gongkai.publications.importer import import_publications
from gongkai.publications.models import Finding, Publication
from gongkai.publications.tests.factories import make_cast
from gongkai.publications.tests.files import docx_with_text
from gongkai.search.selectors import search_publications

pytestmark = pytest.mark.django_db


def lines() -> list[object]:
    out: list[object] = []
    for i in range(60):
        line: dict[str, object] = {
            "title": f"第{i}号渔业补助公告",
            "published": f"20{20 + i % 4}-03-{1 + i % 28:02d}",
            "body": f"石浦镇第{i}批补助名单" + ("，联系人手机13800138000" if i % 10 == 3 else ""),
            "category": "财政资金/补助" if i % 2 else "通知公告",
        }
        if i % 15 == 7:
            line["attachments"] = ["att/名单.docx"]
        out.append(line)
    out[11] = "{not json"
    out[25] = {"title": "目录不对", "published": "2023-01-01", "category": 5}
    out[40] = {"title": "题" * 301, "published": "2023-01-01"}
    out[52] = {"title": "晚于今天", "published": "2999-01-01"}
    return out


def outcome(agency_code: str, result: importer.ImportResult) -> tuple[object, ...]:
    items = Publication.objects.filter(agency__code=agency_code).order_by("index_number")
    return (
        result.imported,
        [(e.line, e.reason) for e in result.errors],
        result.created_categories,
        result.findings,
        result.items_with_findings,
        [
            ((p.index_number or "").split("/")[1], p.title, p.category.name if p.category else "")
            for p in items
        ],
        sorted(
            (f.publication.title, f.kind, f.source.split(":")[0], f.source_label)
            for f in Finding.objects.filter(publication__agency__code=agency_code)
        ),
    )


def test_parsing_in_a_second_process_gives_the_same_outcome(
    tmp_path: Path, settings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")  # type: ignore[attr-defined]
    cast = make_cast()
    (tmp_path / "att").mkdir()
    (tmp_path / "att" / "名单.docx").write_bytes(docx_with_text("补助对象身份证号11010519491231002X"))
    source = tmp_path / "items.jsonl"
    source.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines()),
        encoding="utf-8",
    )
    monkeypatch.setattr(importer, "BATCH", 7)

    monkeypatch.setattr(importer, "PARALLEL_MIN_LINES", 10**9)
    here = import_publications(agency=cast.agency, path=source)
    monkeypatch.setattr(importer, "PARALLEL_MIN_LINES", 14)
    apart = import_publications(agency=cast.other, path=source)

    assert outcome("NB-FGW", here) == outcome("NB-JYJ", apart)
    assert here.imported == 56 and [e.line for e in apart.errors] == [12, 26, 41, 53]
    assert apart.items_with_findings == 6 + 3  # mobile numbers, and ID numbers in the attachments
    assert (
        Finding.objects.filter(
            publication__agency=cast.other, kind="id_number", source__startswith="attachment:"
        ).count()
        == 3
    )
    assert search_publications("补助名单", agency_code="NB-JYJ").total == 56
    assert search_publications("第37批", agency_code="NB-JYJ").total == 1
