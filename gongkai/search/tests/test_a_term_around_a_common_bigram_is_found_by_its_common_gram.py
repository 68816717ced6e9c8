"""A term holding a bigram in every row while the term is rare (设政府信: 政府 and 府信 in every row, 设政 in
one row of fifty; 流转管理: 管理 in most rows, every row with 流转 and 转管 a hit) would have PostgreSQL's GIN
index list rows for the text check to confirm or rule out one by one. The published items' index also keeps
every four-character window holding a common bigram (`text.common_grams`), wherever the bigram stands in
it, so such a term asks the index for its windows, and a term of four characters is decided by its window
without its text being checked. Answers stay exactly the substring hits: a window is never made across two
fields."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.publications.models import Publication
from gongkai.publications.tests.factories import load_lines, make_agency
from gongkai.search import engine, index, lexemes, text

pytestmark = pytest.mark.django_db


def test_a_text_has_every_four_character_window_holding_a_common_bigram_within_a_field() -> None:
    # 建设 first, 政府 and 府信 in the middle, 信息 last; a field of three characters has no window, 申请
    # alone none; none across fields; 平台通知 holds no common bigram.
    grams = text.common_grams(text.join_fields(["建设政府信息", "政府信", "申请", "平台通知"]))
    assert grams == {"建设政府", "设政府信", "政府信息"}
    assert text.common_grams("关于流转管理") == {"流转管理"}
    assert text.common_grams("管理办法通知") == {"管理办法"}


def test_only_a_four_character_term_holding_a_common_bigram_is_decided_by_the_lexemes() -> None:
    assert text.decided_by_lexemes("设政府信")  # in the middle
    assert text.decided_by_lexemes("流转管理")  # last
    assert text.decided_by_lexemes("管理办法")  # first
    assert text.decided_by_lexemes("政府") and text.decided_by_lexemes("政")
    assert not text.decided_by_lexemes("流转审批")  # no common bigram
    assert not text.decided_by_lexemes("设政府")  # three characters: no gram holds it
    assert not text.decided_by_lexemes("建设政府信息")  # longer: its grams filter, its text decides


def test_a_long_term_always_asks_for_its_common_grams_whatever_the_statistics_say() -> None:
    known = lexemes.Statistics({"政府": 1.0, "府信": 1.0, "设政": 0.02, "设政府信": 0.5}, 0.0024)
    assert "设政府信" in lexemes.worth_reading("设政府信", known)
    assert set(lexemes.term_lexemes("开申请的")) == {"开申", "申请", "请的", "开申请的"}


ITEMS = [
    ("建设政府信息公开平台", "", "正文一"),  # the term inside a title
    ("通知", "", "推进法治建设政府信"),  # at the end of the body
    ("报告", "", "建设，政府信息"),  # its characters apart: not a hit
    ("建设", "", "政府信息"),  # across two fields: not a hit
    ("设政府信", "", "全文"),  # the whole title
]


@pytest.fixture
def items() -> list[int]:
    agency = make_agency("CG", "测试市人民政府")
    lines = [
        {"title": title, "published": date(2024, 3, i + 1).isoformat(), "doc_number": number, "body": body}
        for i, (title, number, body) in enumerate(ITEMS)
    ]
    load_lines(agency, lines)
    return [Publication.objects.get(title=title).pk for title, _, _ in ITEMS]


def test_a_four_character_term_finds_exactly_its_hits(items: list[int]) -> None:
    found = engine.search("设政府信")
    assert found.total == 3
    assert found.publication_ids == [items[4], items[1], items[0]]
    assert engine.search("建设政府信息").publication_ids == [items[0]]
    assert engine.search("政府信息公开").publication_ids == [items[0]]
    # The common bigram last and first in the term.
    assert engine.search("法治建设").publication_ids == [items[1]]
    assert engine.search("建设政府").publication_ids == [items[1], items[0]]


def test_on_postgresql_the_index_alone_decides_a_four_character_term_around_a_common_bigram(
    items: list[int],
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the lexemes and the text check are PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SELECT publication_id FROM search_searchdoc WHERE tokens @@ '设政府信'::tsquery")
        assert sorted(row[0] for row in cursor.fetchall()) == sorted([items[0], items[1], items[4]])
    with CaptureQueriesContext(connection) as queries:
        assert engine.search("设政府信").total == 3
    search = "\n".join(q["sql"] for q in queries.captured_queries if "tokens @@" in q["sql"])
    assert "设政府信" in search
    # Only the oversized rows' branch (which has no lexemes) checks the text.
    assert search.count("strpos(body, '设政府信')") == 1
    with CaptureQueriesContext(connection) as queries:
        assert engine.search("建设政府信息").total == 1
    search = "\n".join(q["sql"] for q in queries.captured_queries if "tokens @@" in q["sql"])
    assert "建设政府" in search and search.count("strpos(body, '建设政府信息')") == 2
    with CaptureQueriesContext(connection) as queries:
        assert engine.search("法治建设").total == 1
    search = "\n".join(q["sql"] for q in queries.captured_queries if "tokens @@" in q["sql"])
    # Its common gram alone, before the table is analysed as after.
    assert engine._PostgreSQL().tsquery(["法治建设"], engine.Filters()) == "'法治建设'"
    assert search.count("strpos(body, '法治建设')") == 1


def test_the_index_row_of_an_item_on_postgresql_holds_its_common_grams() -> None:
    prepared = index.prepare("关于推进建设政府信息公开的通知", "", "依申请公开", [], "postgresql")
    entries = set(prepared.lexemes.split("\0\0\0")) - {""}
    assert {"关于推进", "于推进建", "推进建设", "设政府信", "依申请公", "申请公开"} <= entries
    assert prepared.lexeme_count == len(entries)
