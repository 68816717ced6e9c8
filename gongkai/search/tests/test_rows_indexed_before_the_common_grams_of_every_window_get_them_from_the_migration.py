"""PostgreSQL rows written before the index kept the common grams of every window — with those around a
common bigram only (as from migration 0006), or with none (before it) — get them from migration 0007,
which writes every row's tokens again from the normal form it stores, as the index writes them: a term
holding a common bigram anywhere then finds them, and a row the grams take past the tsvector's limit
becomes oversized, its text deciding every term."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest
from django.db import connection

from gongkai.publications.models import Publication
from gongkai.publications.tests.factories import load_lines, make_agency
from gongkai.search import engine, index, text

pytestmark = pytest.mark.django_db

migration = importlib.import_module("gongkai.search.migrations.0007_common_grams_of_every_window")


def around_only(units: str, pairs: list[str]) -> set[str]:
    """The grams 0006 wrote: a common bigram with one character on each side."""
    return {units[i - 1 : i + 3] for i in range(1, len(units) - 2) if pairs[i] in text.COMMON_BIGRAMS}


LINES = [
    {"title": "建设政府信息平台", "published": "2024-01-02", "body": "正文"},
    {"title": "通知", "published": "2024-01-03", "body": "甲政府乙丙政府丁戊政府己"},
    {"title": "报告", "published": "2024-01-04", "body": "建设，政府信息"},
]


def load_written_with(grams: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lines imported as the index wrote them when it made these grams (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL's index keeps common grams")
    agency = make_agency("MG", "测试市人民政府")
    with monkeypatch.context() as before:
        before.setattr(text, "_grams", grams)
        load_lines(agency, LINES)


def tokens_written_now() -> list[list[str]]:
    """Each row's tokens as the index writes them today, from the same texts."""
    written = []
    for line in LINES:
        prepared = index.prepare(line["title"], "", line["body"], [], "postgresql")
        written.append(sorted(set(prepared.lexemes.split("\0\0\0")) - {""}))
    return written


@pytest.mark.parametrize("grams_before", [around_only, lambda units, pairs: set()], ids=["0006", "none"])
def test_rows_written_with_fewer_common_grams_are_found_after_the_migration(
    monkeypatch: pytest.MonkeyPatch, grams_before: object
) -> None:
    load_written_with(grams_before, monkeypatch)
    first = Publication.objects.get(title="建设政府信息平台").pk
    # The search asks for windows the rows lack: a common bigram first, last, and (before 0006) inside.
    assert engine.search("建设政府").total == 0
    assert engine.search("息平台").publication_ids == [first]  # three characters: its bigrams and text
    migration.forwards(None, SimpleNamespace(connection=connection))

    assert engine.search("建设政府").publication_ids == [first]
    third = Publication.objects.get(title="报告").pk
    assert engine.search("政府信息").publication_ids == [third, first]
    assert engine.search("设政府信").publication_ids == [first]
    with connection.cursor() as cursor:
        cursor.execute("SELECT tokens::text FROM search_searchdoc ORDER BY id")
        rows = [row[0] for row in cursor.fetchall()]
    for written, row in zip(tokens_written_now(), rows, strict=True):
        assert all(f"'{lexeme}'" in row for lexeme in written)
        assert row.count("'") == 2 * (len(written) + row.count("'~"))  # and the row's facets, nothing else


def test_a_row_the_grams_take_past_the_limit_becomes_oversized_and_is_still_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    load_written_with(around_only, monkeypatch)
    # 18, 20 and 16 lexemes of text; with every window's grams 23, 27 and 20: the second goes past.
    counts = [len(written) for written in tokens_written_now()]
    monkeypatch.setattr(index, "MAX_LEXEMES", max(counts) - 1)
    migration.forwards(None, SimpleNamespace(connection=connection))
    migration.forwards(None, SimpleNamespace(connection=connection))  # run again: the same rows

    second = Publication.objects.get(title="通知").pk
    assert engine.search("丙政府丁").publication_ids == [second]
    assert engine.search("政府己").publication_ids == [second]
    with connection.cursor() as cursor:
        cursor.execute("SELECT oversized, tokens::text FROM search_searchdoc ORDER BY id")
        rows = cursor.fetchall()
    assert [oversized for oversized, _ in rows] == [False, True, False]
    assert "'设政府信'" in rows[0][1] and "~oversized" in rows[1][1] and "~a" in rows[1][1]
