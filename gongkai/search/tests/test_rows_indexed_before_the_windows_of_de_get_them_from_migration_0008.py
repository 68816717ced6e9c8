"""PostgreSQL rows written before a bigram holding 的 counted as common lack the windows holding 的, which a
search of a four-character term holding 的 now asks for alone: migration 0008 writes every row's tokens
again, as the index writes them now, and the rows are found again."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest
from django.db import connection

from gongkai.publications.models import Publication
from gongkai.publications.tests.factories import load_lines, make_agency
from gongkai.search import engine, index, text

pytestmark = pytest.mark.django_db

migration = importlib.import_module("gongkai.search.migrations.0008_common_grams_of_de")

LINES = [
    {"title": "关于城市管理的批复", "published": "2024-01-02", "body": "正文"},
    {"title": "通知", "published": "2024-01-03", "body": "政府信息公开工作的要求"},
]


def test_rows_written_without_the_windows_of_de_are_found_after_migration_0008(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL's index keeps common grams")
    agency = make_agency("MD", "测试市人民政府")
    with monkeypatch.context() as before:
        before.setattr(text, "COMMON_CHARACTERS", "")
        load_lines(agency, LINES)
    first, second = (Publication.objects.get(title=line["title"]).pk for line in LINES)
    assert engine.search("理的批复").total == 0  # the window it asks for is not in the rows yet
    assert engine.search("公开工作").publication_ids == [second]  # a common bigram's window: written before

    migration.forwards(None, SimpleNamespace(connection=connection))

    assert engine.search("理的批复").publication_ids == [first]
    assert engine.search("工作的要").publication_ids == [second]
    with connection.cursor() as cursor:
        cursor.execute("SELECT tokens::text FROM search_searchdoc ORDER BY id")
        rows = [row[0] for row in cursor.fetchall()]
    for line, row in zip(LINES, rows, strict=True):
        prepared = index.prepare(line["title"], "", line["body"], [], "postgresql")
        written = set(prepared.lexemes.split("\0\0\0")) - {""}
        assert all(f"'{lexeme}'" in row for lexeme in written)
        assert row.count("'") == 2 * (len(written) + row.count("'~"))  # and the row's facets, nothing else
