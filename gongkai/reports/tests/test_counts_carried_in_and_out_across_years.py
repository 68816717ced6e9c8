from __future__ import annotations

from datetime import date

import pytest

from gongkai.appeals.tests.factories import make_agency, make_application
from gongkai.applications.models import ApplicantType, Result
from gongkai.reports.counts import yearly_counts

pytestmark = pytest.mark.django_db


def test_an_application_open_at_the_turn_of_the_year_is_carried_out_and_then_carried_in() -> None:
    agency = make_agency()
    application = make_application(
        agency,
        received_on=date(2024, 12, 20),
        closed_on=date(2025, 1, 15),
        result=Result.PARTIALLY_DISCLOSED,
        applicant_type=ApplicantType.COMMERCIAL_ENTERPRISE,
    )
    first = yearly_counts(agency, 2024)
    assert first["requests.new_received.commercial_enterprise"] == 1
    assert first["requests.carried_out.commercial_enterprise"] == 1
    assert first["requests.results_total.total"] == 0
    second = yearly_counts(agency, 2025)
    assert second["requests.new_received.total"] == 0
    assert second["requests.carried_in.commercial_enterprise"] == 1
    assert second["requests.partially_disclosed.commercial_enterprise"] == 1
    assert second["requests.carried_out.total"] == 0
    assert application.pk


def test_an_application_closed_on_31_december_is_not_carried_and_one_closed_on_1_january_is() -> None:
    agency = make_agency()
    make_application(agency, received_on=date(2024, 12, 2), closed_on=date(2024, 12, 31))
    make_application(agency, received_on=date(2024, 12, 3), closed_on=date(2025, 1, 1))
    cells_2024 = yearly_counts(agency, 2024)
    assert cells_2024["requests.disclosed.total"] == 1
    assert cells_2024["requests.carried_out.total"] == 1
    cells_2025 = yearly_counts(agency, 2025)
    assert cells_2025["requests.carried_in.total"] == 1
    assert cells_2025["requests.disclosed.total"] == 1


def test_an_application_open_for_years_is_carried_through_every_year() -> None:
    agency = make_agency()
    make_application(agency, received_on=date(2022, 11, 1))
    for year in (2023, 2024, 2025):
        cells = yearly_counts(agency, year)
        assert cells["requests.carried_in.natural_person"] == 1
        assert cells["requests.carried_out.natural_person"] == 1
        assert cells["requests.new_received.total"] == 0
