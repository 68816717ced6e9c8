"""An import numbers its items per year of publication (索引号 "<code>/<year>-<sequence>"), continuing each
year's sequence without gaps, across batches and across imports."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from gongkai.publications.models import Publication
from gongkai.publications.tests.factories import load_lines, make_cast

pytestmark = pytest.mark.django_db


def test_each_year_is_numbered_from_one_without_gaps_across_batches_and_imports() -> None:
    cast = make_cast()
    years = [2019, 2021, 2019, 2020, 2021, 2021, 2019]
    lines = [
        {"title": f"公告{i}", "published": f"{year}-03-0{1 + i % 7}"} for i, year in enumerate(years * 3)
    ]
    load_lines(cast.agency, lines[:10], batch=4)
    load_lines(cast.agency, lines[10:], batch=3)

    numbers: defaultdict[Any, list[Any]] = defaultdict(list)
    for p in Publication.objects.filter(agency=cast.agency):
        assert p.index_number == f"NB-FGW/{p.index_year}-{p.index_sequence:05d}"
        assert p.published_on is not None and p.index_year == p.published_on.year
        numbers[p.index_year].append(p.index_sequence)
    assert {year: sorted(seqs) for year, seqs in numbers.items()} == {
        2019: list(range(1, 10)),
        2020: list(range(1, 4)),
        2021: list(range(1, 10)),
    }
