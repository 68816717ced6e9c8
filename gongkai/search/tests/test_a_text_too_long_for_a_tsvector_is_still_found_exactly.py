"""A text with more distinct lexemes than a PostgreSQL tsvector holds is indexed without them, and its
stored text decides every term: it is found exactly as any other (on SQLite nothing changes)."""

from __future__ import annotations

import pytest

from gongkai.publications.tests.factories import load_lines, make_cast
from gongkai.search import index
from gongkai.search.selectors import search_publications

pytestmark = pytest.mark.django_db


def test_oversized_rows_are_found_by_every_term_and_filter(monkeypatch: pytest.MonkeyPatch) -> None:
    cast = make_cast()
    monkeypatch.setattr(index, "MAX_LEXEMES", 20)
    load_lines(
        cast.agency,
        [
            {
                "title": "很长的附件文字",
                "published": "2024-01-02",
                "body": "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥",
            }
        ],
    )
    monkeypatch.setattr(index, "MAX_LEXEMES", 50_000)
    load_lines(cast.other, [{"title": "普通信息", "published": "2024-01-03", "body": "甲乙丙丁"}])
    assert search_publications("甲乙丙").total == 2
    assert search_publications("戌亥").total == 1
    assert search_publications("亥 附件").total == 1
    assert search_publications("甲", agency_code="NB-JYJ").total == 1
    assert search_publications("丑寅卯", agency_code="NB-FGW").hits[0].title == "很长的附件文字"
    assert search_publications("亥子").total == 0
