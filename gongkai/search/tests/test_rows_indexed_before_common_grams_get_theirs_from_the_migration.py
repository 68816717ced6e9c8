"""PostgreSQL rows written before the index kept common grams get theirs from migration 0006, computed from
the normal form they store: a term around a common bigram then finds them, and a row the grams would take
past the tsvector's limit becomes oversized, its text deciding every term."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest
from django.db import connection

from gongkai.publications.models import Publication
from gongkai.publications.tests.factories import load_lines, make_agency
from gongkai.search import engine, index, text

pytestmark = pytest.mark.django_db

migration = importlib.import_module("gongkai.search.migrations.0006_common_grams")


def test_rows_written_without_common_grams_are_found_after_the_migration(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL's index keeps common grams")
    agency = make_agency("MG", "测试市人民政府")
    with monkeypatch.context() as before:
        before.setattr(text, "_grams", lambda units: iter(()))
        load_lines(
            agency,
            [
                {"title": "建设政府信息平台", "published": "2024-01-02", "body": "正文"},
                {"title": "通知", "published": "2024-01-03", "body": "甲政府乙丙政府丁戊政府己"},
                {"title": "报告", "published": "2024-01-04", "body": "建设，政府信息"},
            ],
        )
    assert engine.search("设政府信").total == 0  # the search asks for a gram the rows lack
    # 18, 20 and 16 lexemes of text, and 3, 3 and 2 grams: the second row's take it past the limit.
    monkeypatch.setattr(index, "MAX_LEXEMES", 21)
    migration.forwards(None, SimpleNamespace(connection=connection))

    first = Publication.objects.get(title="建设政府信息平台").pk
    second = Publication.objects.get(title="通知").pk
    assert engine.search("设政府信").publication_ids == [first]
    assert engine.search("丙政府丁").publication_ids == [second]
    with connection.cursor() as cursor:
        cursor.execute("SELECT oversized, tokens::text FROM search_searchdoc ORDER BY id")
        rows = cursor.fetchall()
    assert [oversized for oversized, _ in rows] == [False, True, False]
    assert "'设政府信'" in rows[0][1] and "~oversized" in rows[1][1] and "~a" in rows[1][1]
