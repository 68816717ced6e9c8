"""Which bodies a government's report sums (条例第四十九条 and the format notices' cascade): by default the
government's own office, its departments and its 乡镇/街道; the configured set of a year instead when there
is one; and never a body covered by another body's report that year (it is counted through that body)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.agencies.services import agency_add
from gongkai.appeals.tests.factories import make_application
from gongkai.reports.annual.aggregation import aggregated_cells, aggregation_members
from gongkai.reports.models import AggregationMember, CoveredBody
from gongkai.reports.tests.aggregation_factories import Kind, Level, make_county

pytestmark = pytest.mark.django_db


def codes(agencies: list) -> list[str]:  # type: ignore[type-arg]
    return [agency.code for agency in agencies]


def test_the_default_set_is_the_government_its_departments_and_its_townships() -> None:
    county = make_county()
    agency_add(
        code="XS-SJ", name="某县级市人民政府", parent_code="XS", kind=Kind.GOVERNMENT, level=Level.COUNTY
    )
    agency_add(
        code="XS-SP", name="石浦镇人民政府", parent_code="XS", kind=Kind.GOVERNMENT, level=Level.TOWNSHIP
    )

    members = codes(aggregation_members(county.government, 2024))

    # A child government of its own level publishes its own aggregated report; a 乡镇人民政府 is a 乡镇.
    assert members == ["XS", "XS-CZ", "XS-GA", "XS-DX", "XS-SP"]
    assert "XS-GA-JJ" not in members  # below a department: only through it, or when configured


def test_a_configured_set_replaces_the_default_for_its_year_only() -> None:
    county = make_county()
    for member in (county.government, county.police, county.grandchild):
        AggregationMember.objects.create(government=county.government, year=2024, member=member)

    assert codes(aggregation_members(county.government, 2024)) == ["XS", "XS-GA", "XS-GA-JJ"]
    assert codes(aggregation_members(county.government, 2023)) == ["XS", "XS-CZ", "XS-GA", "XS-DX"]


def test_a_covered_body_is_counted_once_through_the_body_covering_it() -> None:
    county = make_county()
    for member in (county.government, county.police, county.grandchild):
        AggregationMember.objects.create(government=county.government, year=2024, member=member)
    CoveredBody.objects.create(agency=county.grandchild, year=2024, covered_by=county.police)
    make_application(county.police, received_on=date(2024, 3, 1))
    make_application(county.grandchild, received_on=date(2024, 3, 2))
    make_application(county.grandchild, received_on=date(2024, 3, 3))

    assert codes(aggregation_members(county.government, 2024)) == ["XS", "XS-GA"]
    cells, _, members = aggregated_cells(county.government, 2024)
    assert cells["requests.new_received.total"] == 3  # not 5
    assert [(m.code, m.new_received) for m in members] == [("XS", 0), ("XS-GA", 3)]


def test_a_department_covered_by_the_government_counts_in_the_government_s_own_figures() -> None:
    county = make_county()
    CoveredBody.objects.create(agency=county.finance, year=2024, covered_by=county.government)
    make_application(county.finance, received_on=date(2024, 5, 1))

    cells, _, members = aggregated_cells(county.government, 2024)

    assert codes(aggregation_members(county.government, 2024)) == ["XS", "XS-GA", "XS-DX"]
    assert cells["requests.new_received.total"] == 1
    assert members[0].code == "XS" and members[0].new_received == 1
