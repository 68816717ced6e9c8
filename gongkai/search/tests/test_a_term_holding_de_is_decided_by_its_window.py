"""的 pairs with nearly any character, so each bigram holding it is in many rows while a term holding it is
rare: 理的 (管理的), 的批 and 批复 (的批复) stand apart in many more items than 理的批复 does. On PostgreSQL
every bigram holding 的 counts as common (`text.COMMON_CHARACTERS`): the published items' index keeps every
four-character window holding 的, and a term of four characters holding it is decided by its window
alone, where its bigrams would list every item having them apart for the text check to rule out. Answers
stay exactly the substring hits on both databases."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.publications.models import Publication
from gongkai.publications.tests.factories import load_lines, make_agency
from gongkai.search import engine, text

pytestmark = pytest.mark.django_db


def test_every_window_holding_de_is_a_common_gram_and_decides_a_four_character_term() -> None:
    # 的 last, in the middle, first; none across fields; a field of three characters has none.
    grams = text.common_grams(text.join_fields(["关于理的批复", "的批复"]))
    assert grams == {"关于理的", "于理的批", "理的批复"}
    assert text.decided_by_lexemes("理的批复") and text.decided_by_lexemes("的批复函")
    assert not text.decided_by_lexemes("理的批")  # three characters: no window is the term
    assert not text.decided_by_lexemes("城市批复")  # no 的, no common bigram


ITEMS = [
    ("关于城市管理的批复", "正文"),  # the term in a title
    ("通知", "加强管理的要求；的批示；批复如下"),  # 理的, 的批 and 批复 apart: not a hit
    ("管理的", "批复"),  # across two fields: not a hit
    ("报告", "经研究，现就环境治理的批复如下"),  # in the body
]


@pytest.fixture
def items() -> list[int]:
    agency = make_agency("DE", "测试市人民政府")
    lines = [
        {"title": title, "published": date(2024, 5, i + 1).isoformat(), "body": body}
        for i, (title, body) in enumerate(ITEMS)
    ]
    load_lines(agency, lines)
    return [Publication.objects.get(title=title).pk for title, _ in ITEMS]


def test_a_four_character_term_holding_de_finds_exactly_its_hits(items: list[int]) -> None:
    assert engine.search("理的批复").publication_ids == [items[3], items[0]]
    assert engine.search("管理的批复").publication_ids == [items[0]]
    assert engine.search("的批").publication_ids == [items[3], items[1], items[0]]


def test_on_postgresql_the_index_alone_decides_a_four_character_term_holding_de(items: list[int]) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the lexemes and the text check are PostgreSQL's")
    assert engine._PostgreSQL().tsquery(["理的批复"], engine.Filters()) == "'理的批复'"
    with connection.cursor() as cursor:
        cursor.execute("SELECT publication_id FROM search_searchdoc WHERE tokens @@ '理的批复'::tsquery")
        assert sorted(row[0] for row in cursor.fetchall()) == sorted([items[0], items[3]])
    with CaptureQueriesContext(connection) as queries:
        assert engine.search("理的批复").total == 2
    search = "\n".join(q["sql"] for q in queries.captured_queries if "tokens @@" in q["sql"])
    # Only the oversized rows' branch (which has no lexemes) checks the text.
    assert search.count("strpos(body, '理的批复')") == 1
