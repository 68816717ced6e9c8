"""The dashboard of a region reads it in a fixed number of queries, whatever the number of its bodies and
of their reports in every state: nothing is checked or counted body by body at request time."""

from __future__ import annotations

from datetime import date

import pytest
from pytest_django import DjangoAssertNumQueries

from gongkai.agencies.services import agency_add
from gongkai.appeals.tests.factories import make_application, make_case
from gongkai.reports.annual.dashboard import region_dashboard
from gongkai.reports.models import AggregationMember, AnnualReport, AuditFinding, CoveredBody
from gongkai.reports.tests.aggregation_factories import (
    County,
    import_report,
    make_county,
    publish,
    zero_cells,
)

pytestmark = pytest.mark.django_db
QUERIES = 15  # live figures: one query of per-body counts (was three grouped ones)


def grow(county: County, n: int) -> None:
    """n more bodies under the county, in every state, each with records."""
    for i in range(n):
        body = agency_add(code=f"XS-B{i}", name=f"象山县某局{i}", parent_code="XS")
        make_application(body, received_on=date(2024, 3, 1), closed_on=date(2024, 3, 9))
        make_application(body, received_on=date(2023, 3, 1))
        make_case(body, filed_on=date(2024, 5, 1))
        match i % 6:
            case 0:
                publish(body, 2024, county.staff, published_on=date(2025, 1, 20))
            case 1:
                AnnualReport.objects.create(
                    agency=body, year=2024, format="2021", state="submitted", findings=[]
                )
            case 2:
                report = import_report(body, 2024, zero_cells())
                AuditFinding.objects.create(report=report, rule="balance", severity="error", message="…")
                import_report(body, 2023, zero_cells())
            case 3:
                CoveredBody.objects.create(agency=body, year=2024, covered_by=county.police)
            case 4:
                publish(body, 2023, county.staff, published_on=date(2024, 1, 20))
    AggregationMember.objects.create(government=county.government, year=2023, member=county.government)


@pytest.mark.parametrize("n", [6, 40])
def test_the_number_of_queries_does_not_grow_with_the_region(
    n: int, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    county = make_county()
    grow(county, n)
    with django_assert_max_num_queries(QUERIES):
        board = region_dashboard(county.government, 2024, date(2025, 1, 25))
        rows = [
            (line.status_label, line.figures.values, line.previous.values, line.errors)
            for line in board.lines
        ]
    assert len(rows) == 5 + n
    assert {line.status for line in board.lines} >= {"published_on_time", "submitted", "external", "covered"}
