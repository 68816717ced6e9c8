"""On request, hits whose title holds the terms come first, then those whose document number does, then
the rest; newest first within each."""

from __future__ import annotations

import pytest

from gongkai.publications.tests.factories import load_lines, make_cast
from gongkai.search.selectors import search_publications

pytestmark = pytest.mark.django_db


def test_relevance_then_newest() -> None:
    cast = make_cast()
    load_lines(
        cast.agency,
        [
            {"title": "年度工作要点", "published": "2024-03-01", "body": "推进海绵城市建设"},
            {"title": "海绵城市建设实施方案", "published": "2023-01-01"},
            {"title": "通知", "published": "2024-05-01", "doc_number": "海绵城市〔2024〕1号"},
            {"title": "海绵城市专项规划", "published": "2022-01-01"},
        ],
    )
    newest = [h.title for h in search_publications("海绵城市").hits]
    assert newest == ["通知", "年度工作要点", "海绵城市建设实施方案", "海绵城市专项规划"]
    ranked = [h.title for h in search_publications("海绵城市", order="relevance").hits]
    assert ranked == ["海绵城市建设实施方案", "海绵城市专项规划", "通知", "年度工作要点"]
