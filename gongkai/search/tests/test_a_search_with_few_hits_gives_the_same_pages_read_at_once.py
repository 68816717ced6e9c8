"""SQLite reads every hit of a search with at most FEW of them in one pass in the table's order, and pages
the others newest first from the index: both give the same totals and pages, ordered by date then index
number descending, also within one day and across pages that split a day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.publications.models import Publication
from gongkai.publications.tests.factories import load_lines, make_agency
from gongkai.search import engine

pytestmark = pytest.mark.django_db


@pytest.fixture
def items() -> None:
    agency = make_agency("FW", "测试市人民政府")
    first = date(2023, 5, 1)
    # Seven items a day over three days: index numbers are not in the order the items were saved.
    lines = [
        {
            "title": f"关于第{n}批项目的通知",
            "published": (first + timedelta(days=n % 3)).isoformat(),
            "body": "专项资金",
        }
        for n in range(21)
    ]
    load_lines(agency, lines)


def pages(query: str) -> list[tuple[int, list[int]]]:
    return [
        (found.total, found.publication_ids)
        for found in (engine.search(query, page=page, per_page=5) for page in range(1, 7))
    ]


def test_the_pages_are_the_same_read_at_once_or_newest_first(
    items: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_once = pages("专项资金")
    monkeypatch.setattr(engine, "FEW", 3)
    assert pages("专项资金") == at_once
    assert at_once[0][0] == 21 and len(at_once[4][1]) == 1 and at_once[5] == (21, [])
    ordered = [pk for _, ids in at_once for pk in ids]
    keys = {p.pk: (p.published_on, p.index_number) for p in Publication.objects.all()}
    assert ordered == sorted(keys, key=lambda pk: keys[pk], reverse=True)


def test_on_sqlite_a_search_with_few_hits_asks_the_index_once(items: None) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("FTS5 is SQLite's")
    with CaptureQueriesContext(connection) as queries:
        assert engine.search("第7批").total == 1
    assert sum("MATCH" in q["sql"] for q in queries.captured_queries) == 1
