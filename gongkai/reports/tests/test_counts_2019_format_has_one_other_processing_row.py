from __future__ import annotations

from datetime import date

import pytest

from gongkai.appeals.tests.factories import make_agency, make_application
from gongkai.applications.models import Result
from gongkai.reports.counts import yearly_counts

pytestmark = pytest.mark.django_db

OTHER = (Result.OTHER_NO_CORRECTION, Result.OTHER_FEE_UNPAID, Result.OTHER_OTHER)


def test_in_2020_the_three_other_results_count_in_the_single_other_processing_row() -> None:
    agency = make_agency()
    for result in OTHER:
        make_application(agency, received_on=date(2020, 5, 6), closed_on=date(2020, 6, 1), result=result)
    cells = yearly_counts(agency, 2020)
    assert cells["requests.other_processing.natural_person"] == 3
    assert cells["requests.results_total.total"] == 3
    assert not any(key.startswith(("requests.other_no_correction", "requests.other_other")) for key in cells)


def test_from_2021_they_count_in_three_rows() -> None:
    agency = make_agency()
    for result in OTHER:
        make_application(agency, received_on=date(2021, 5, 6), closed_on=date(2021, 6, 1), result=result)
    cells = yearly_counts(agency, 2021)
    assert cells["requests.other_no_correction.total"] == 1
    assert cells["requests.other_fee_unpaid.total"] == 1
    assert cells["requests.other_other.total"] == 1
    assert "requests.other_processing.total" not in cells
