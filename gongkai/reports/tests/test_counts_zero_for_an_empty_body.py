from __future__ import annotations

import pytest

from gongkai.appeals.tests.factories import make_agency
from gongkai.reports.counts import yearly_counts
from gongkai.reports.formats import appeal_keys, request_keys

pytestmark = pytest.mark.django_db


def test_a_body_with_no_records_gets_every_cell_at_zero() -> None:
    cells = yearly_counts(make_agency(), 2024)
    assert set(cells) == set(request_keys("2021")) | set(appeal_keys())
    assert set(cells.values()) == {0}


def test_the_2019_format_has_its_own_cells_also_all_zero() -> None:
    cells = yearly_counts(make_agency(), 2020)
    assert set(cells) == set(request_keys("2019")) | set(appeal_keys())
    assert "requests.other_processing.total" in cells
    assert "requests.other_other.total" not in cells
    assert set(cells.values()) == {0}
