"""A body marked as covered by another body's report on a year is counted in that report (its
applications and cases), and only in that year."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.agencies.services import agency_add
from gongkai.appeals.tests.factories import make_application, make_case
from gongkai.reports.annual.cells import is_covered, report_cells
from gongkai.reports.models import CoveredBody

pytestmark = pytest.mark.django_db


def test_a_covered_body_s_records_count_in_the_covering_report() -> None:
    bureau = agency_add(code="XS-GA", name="象山县公安局")
    office = agency_add(code="XS-GA-JJ", name="象山县公安局交通警察大队", parent_code="XS-GA")
    make_application(bureau, received_on=date(2024, 3, 1))
    make_application(office, received_on=date(2024, 4, 1), closed_on=date(2024, 4, 20))
    make_application(office, received_on=date(2025, 4, 1))
    make_case(office, filed_on=date(2024, 5, 1))
    CoveredBody.objects.create(agency=office, year=2024, covered_by=bureau)

    cells, _ = report_cells(bureau, 2024)
    assert cells["requests.new_received.total"] == 2
    assert cells["requests.disclosed.total"] == 1
    assert cells["appeals.reconsideration.total"] == 1
    assert is_covered(office, 2024) == bureau

    later, _ = report_cells(bureau, 2025)
    assert later["requests.new_received.total"] == 0  # not covered in 2025: the office reports itself
    assert is_covered(office, 2025) is None
