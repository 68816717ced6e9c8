"""Each member of a government's report gives the figures of its report: the last version it published
in Gongkai (frozen: later changes to its records do not move the sum), else the report it published
elsewhere and imported, else its live figures from the records, marked as not yet published. The
government itself always gives its own records (its published report is the sum itself)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import User

from gongkai.agencies.models import Agency
from gongkai.appeals.models import CaseKind
from gongkai.appeals.tests.factories import make_application, make_case
from gongkai.reports.annual.aggregation import (
    SOURCE_IMPORTED,
    SOURCE_OWN,
    SOURCE_RECORDS,
    aggregated_cells,
)
from gongkai.reports.annual.cells import report_cells
from gongkai.reports.models import YearlyFigure
from gongkai.reports.tests.aggregation_factories import import_report, make_county, publish, zero_cells

pytestmark = pytest.mark.django_db

LICENSING = "item20_5.licensing.decisions"
FEES = "item20_8.fees.amount_10k_yuan"


def enter_figures(agency: Agency, year: int, by: User, value: int) -> None:
    from gongkai.reports import formats

    for key in formats.proactive_keys("2021"):
        amount = Decimal(value) / 4 if key == FEES else Decimal(value)
        YearlyFigure.objects.create(agency=agency, year=year, key=key, value=amount, entered_by=by)


def test_every_cell_is_the_sum_of_the_members_figures_by_their_source() -> None:
    county = make_county()
    staff = county.staff
    # The government's own office: live records, always.
    make_application(county.government, received_on=date(2024, 2, 1), closed_on=date(2024, 2, 20))
    enter_figures(county.government, 2024, staff, 1)
    # 财政局 published in Gongkai with one application; a second one registered afterwards.
    make_application(county.finance, received_on=date(2024, 3, 1), closed_on=date(2024, 3, 10))
    make_case(county.finance, filed_on=date(2024, 6, 1), kind=CaseKind.LITIGATION_DIRECT)
    enter_figures(county.finance, 2024, staff, 2)
    publish(county.finance, 2024, staff, number=1)
    corrected = publish(county.finance, 2024, staff, number=2)  # the last version wins
    make_application(county.finance, received_on=date(2024, 12, 30))
    # 公安局 keeps its reports elsewhere.
    imported = zero_cells()
    imported.update({"requests.new_received.natural_person": 40, "requests.new_received.total": 40})
    imported.update({"requests.carried_out.natural_person": 40, "requests.carried_out.total": 40})
    imported.update({key: 3 for key in imported if key.startswith("item20_")})
    imported[FEES] = 0.25
    import_report(county.police, 2024, imported)
    # 丹西街道 has not published: its records, as they stand.
    make_application(county.town, received_on=date(2024, 9, 1))
    enter_figures(county.town, 2024, staff, 4)

    cells, extras, members = aggregated_cells(county.government, 2024)

    assert [(m.code, m.source) for m in members] == [
        ("XS", SOURCE_OWN),
        ("XS-CZ", "已发布报告（第2版）"),
        ("XS-GA", SOURCE_IMPORTED),
        ("XS-DX", SOURCE_RECORDS),
    ]
    assert [m.new_received for m in members] == [1, 1, 40, 1]
    assert cells["requests.new_received.total"] == 43
    assert cells["requests.results_total.total"] == 2
    assert cells["requests.carried_out.total"] == 41
    assert cells["appeals.litigation_direct.total"] == 1
    assert members[1].litigation == 1 and members[1].reconsideration == 0
    assert cells[LICENSING] == 1 + 2 + 3 + 4
    assert cells[FEES] == Decimal("0.25") + Decimal("0.5") + Decimal("0.25") + Decimal("1")
    assert isinstance(cells[LICENSING], int) and isinstance(cells[FEES], Decimal)
    assert extras == {}
    assert all(not m.note for m in members)
    assert corrected.content["cells"]["requests.new_received.total"] == 1


def test_a_government_s_report_cells_are_the_aggregated_ones() -> None:
    county = make_county()
    make_application(county.police, received_on=date(2024, 3, 1))
    make_application(county.town, received_on=date(2024, 3, 1))

    cells, _ = report_cells(county.government, 2024)
    own, _ = report_cells(county.police, 2024)

    assert cells["requests.new_received.total"] == 2
    assert own["requests.new_received.total"] == 1


def test_a_member_government_not_yet_published_gives_its_own_sum() -> None:
    from gongkai.agencies.models import Agency
    from gongkai.agencies.services import agency_add
    from gongkai.reports.annual.aggregation import SOURCE_AGGREGATED
    from gongkai.reports.models import AggregationMember

    city = agency_add(
        code="NB", name="宁波市人民政府", kind=Agency.Kind.GOVERNMENT, level=Agency.Level.PREFECTURE
    )
    county = agency_add(code="NB-XS", name="象山县人民政府", parent_code="NB", kind=Agency.Kind.GOVERNMENT)
    bureau = agency_add(code="NB-XS-CZ", name="象山县财政局", parent_code="NB-XS")
    make_application(bureau, received_on=date(2024, 3, 1))
    make_application(county, received_on=date(2024, 3, 2))
    for member in (city, county):
        AggregationMember.objects.create(government=city, year=2024, member=member)

    cells, _, members = aggregated_cells(city, 2024)

    assert [(m.code, m.source, m.new_received) for m in members] == [
        ("NB", SOURCE_OWN, 0),
        ("NB-XS", SOURCE_AGGREGATED, 2),
    ]
    assert cells["requests.new_received.total"] == 2
