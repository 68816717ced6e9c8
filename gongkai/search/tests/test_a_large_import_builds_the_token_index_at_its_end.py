"""PostgreSQL: an import at least as large as the index (and past index.REBUILD_MIN_ROWS) drops the GIN
index and builds it at its end; a smaller one adds to it; an index a load left dropped (the process
killed) is built by the next import. Every item is found afterwards either way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.db import connection

from gongkai.publications.importer import import_publications
from gongkai.publications.tests.factories import make_cast
from gongkai.search import index
from gongkai.search.selectors import search_publications

pytestmark = pytest.mark.django_db


def write(tmp_path: Path, name: str, count: int, word: str) -> Path:
    lines = [
        {"title": f"{word}第{i}号公告", "published": "2023-03-01", "body": f"{word}名单第{i}批"}
        for i in range(count)
    ]
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    return path


def token_index() -> int | None:
    """The GIN index's oid (a new one after each build), or None when there is none."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('search_doc_tokens')::oid")
        oid = cursor.fetchone()[0]
        return None if oid is None else int(oid)


def test_a_large_import_rebuilds_the_index_a_small_one_adds_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the GIN index is PostgreSQL's")
    monkeypatch.setattr(index, "REBUILD_MIN_ROWS", 20)
    cast = make_cast()
    before = token_index()

    large = import_publications(agency=cast.agency, path=write(tmp_path, "large.jsonl", 40, "渔业补助"))
    rebuilt = token_index()
    small = import_publications(agency=cast.agency, path=write(tmp_path, "small.jsonl", 25, "海塘加固"))

    assert (large.imported, small.imported) == (40, 25)
    assert before is not None and rebuilt is not None and rebuilt != before
    assert token_index() == rebuilt  # 25 lines beside 40 rows: added to the index
    assert search_publications("补助名单").total == 40
    assert search_publications("海塘加固名单第7批").total == 1


def test_an_index_left_dropped_is_built_by_the_next_import(tmp_path: Path) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the GIN index is PostgreSQL's")
    cast = make_cast()
    import_publications(agency=cast.agency, path=write(tmp_path, "first.jsonl", 5, "渔业补助"))
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX search_doc_tokens")  # as a killed load leaves it
    assert search_publications("补助名单").total == 5  # slower, the same answer

    import_publications(agency=cast.agency, path=write(tmp_path, "second.jsonl", 3, "海塘加固"))

    assert token_index() is not None
    assert search_publications("名单第2批").total == 2
