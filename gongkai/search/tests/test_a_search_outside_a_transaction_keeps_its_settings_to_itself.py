"""PostgreSQL: outside a transaction (as the portal and the command line search) each query goes with the
planner settings in one message; the settings hold for that query only, and the answers are those of a
search inside a transaction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.db import connection, transaction

from gongkai.publications.importer import import_publications
from gongkai.publications.tests.factories import make_cast
from gongkai.search import engine
from gongkai.search.selectors import search_publications


def settings() -> tuple[str, str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), current_setting('work_mem'), current_setting('jit')"
        )
        seqscan, work_mem, jit = cursor.fetchone()
        return str(seqscan), str(work_mem), str(jit)


@pytest.mark.django_db(transaction=True)
def test_a_search_outside_a_transaction_leaves_the_connection_as_it_was(tmp_path: Path) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the planner settings are PostgreSQL's")
    cast = make_cast()
    lines = [
        {
            "title": f"第{i}号渔业补助公告",
            "published": f"2023-03-{1 + i % 28:02d}",
            "body": f"石浦镇第{i}批补助名单",
        }
        for i in range(40)
    ]
    source = tmp_path / "items.jsonl"
    source.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    import_publications(agency=cast.agency, path=source)
    before = settings()

    assert not connection.in_atomic_block
    outside = [search_publications(q, per_page=10, page=2) for q in ("补助名单", "第7批", "补", "无此词")]
    after = settings()
    with transaction.atomic():
        inside = [search_publications(q, per_page=10, page=2) for q in ("补助名单", "第7批", "补", "无此词")]

    assert after == before
    assert [(p.total, [h.publication_id for h in p.hits]) for p in outside] == [
        (p.total, [h.publication_id for h in p.hits]) for p in inside
    ]
    assert [p.total for p in outside] == [40, 1, 40, 0]
    assert engine.search("补助名单", per_page=50).total == 40
