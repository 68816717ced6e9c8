from __future__ import annotations

from datetime import date

import pytest

from gongkai.appeals.tests.factories import make_agency, make_application
from gongkai.applications.models import ApplicantType, Result
from gongkai.reports.counts import yearly_counts
from gongkai.reports.formats import result_rows

pytestmark = pytest.mark.django_db


def test_each_result_counts_in_its_own_row_and_the_total_row_sums_them() -> None:
    agency = make_agency()
    for result in Result.values:
        make_application(
            agency,
            received_on=date(2023, 3, 1),
            closed_on=date(2023, 3, 20),
            result=result,
            applicant_type=ApplicantType.RESEARCH_INSTITUTION,
        )
    cells = yearly_counts(agency, 2023)
    for row in result_rows("2021"):
        assert cells[f"requests.{row}.research_institution"] == 1, row
        assert cells[f"requests.{row}.total"] == 1, row
    assert cells["requests.results_total.research_institution"] == len(Result.values) == 21
    assert cells["requests.results_total.total"] == 21


def test_a_closed_application_counts_in_the_results_of_its_closing_year_only() -> None:
    agency = make_agency()
    make_application(
        agency, received_on=date(2023, 12, 1), closed_on=date(2024, 2, 1), result=Result.WITHHELD_PROCESS_INFO
    )
    assert yearly_counts(agency, 2023)["requests.withheld_process_info.total"] == 0
    assert yearly_counts(agency, 2024)["requests.withheld_process_info.total"] == 1
    assert yearly_counts(agency, 2025)["requests.withheld_process_info.total"] == 0
