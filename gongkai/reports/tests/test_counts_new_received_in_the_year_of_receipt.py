from __future__ import annotations

from datetime import date

import pytest

from gongkai.appeals.tests.factories import make_agency, make_application
from gongkai.applications.models import ApplicantType
from gongkai.reports.counts import yearly_counts

pytestmark = pytest.mark.django_db


def test_applications_count_as_new_in_the_year_they_were_received_by_applicant_type() -> None:
    agency = make_agency()
    make_application(agency, received_on=date(2024, 1, 1))
    make_application(agency, received_on=date(2024, 12, 31), applicant_type=ApplicantType.LEGAL_SERVICE_ORG)
    make_application(agency, received_on=date(2024, 6, 3), applicant_type=ApplicantType.LEGAL_SERVICE_ORG)
    make_application(agency, received_on=date(2023, 12, 31))
    make_application(agency, received_on=date(2025, 1, 1))
    cells = yearly_counts(agency, 2024)
    assert cells["requests.new_received.natural_person"] == 1
    assert cells["requests.new_received.legal_service_org"] == 2
    assert cells["requests.new_received.total"] == 3


def test_an_online_application_whose_receipt_is_not_confirmed_counts_nowhere() -> None:
    agency = make_agency()
    make_application(agency, received_on=None)
    cells = yearly_counts(agency, 2024)
    assert set(cells.values()) == {0}


def test_applications_of_other_bodies_are_not_counted() -> None:
    agency = make_agency()
    make_application(make_agency("XS-JYJ", "象山县教育局"), received_on=date(2024, 5, 6))
    assert yearly_counts(agency, 2024)["requests.new_received.total"] == 0
