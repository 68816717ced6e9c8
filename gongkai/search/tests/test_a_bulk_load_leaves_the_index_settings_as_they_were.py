"""An import loosens FTS5's merging for its duration (index.FTS_BULK); afterwards the table's settings are
the defaults again and what was imported is found."""

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


def test_after_an_import_the_fts_settings_are_the_defaults_and_the_items_are_found(tmp_path: Path) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("FTS5 settings are SQLite's")
    cast = make_cast()
    lines = [
        {"title": f"第{i}号渔业补助公告", "published": "2023-03-01", "body": f"石浦镇第{i}批补助名单"}
        for i in range(30)
    ]
    lines.append({"title": "", "published": "2023-03-01"})  # rejected: the import still ends cleanly
    source = tmp_path / "items.jsonl"
    source.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")

    result = import_publications(agency=cast.agency, path=source)

    assert (result.imported, result.rejected) == (30, 1)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT k, v FROM search_fts_config WHERE k IN ('automerge', 'crisismerge', 'hashsize')"
        )
        assert dict(cursor.fetchall()) == index.FTS_DEFAULTS
    assert search_publications("补助名单").total == 30
    assert search_publications("第7批").total == 1
