"""The dashboard shows each body's rule results as stored — its report's last check, its published
version's, an imported report's findings not dismissed — and its key figures beside last year's: from a
published or imported report as frozen, else counted from its records exactly as its own report counts
them, and for a government not yet published the sum of its members, as its report sums them."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from django.utils import timezone

from gongkai.appeals.models import CaseKind
from gongkai.appeals.tests.factories import make_application, make_case
from gongkai.applications.models import ApplicantType, Result
from gongkai.reports.annual import dashboard
from gongkai.reports.annual.cells import report_cells
from gongkai.reports.models import AnnualReport, AuditFinding, CoveredBody
from gongkai.reports.selectors import key_figures
from gongkai.reports.tests.aggregation_factories import (
    County,
    import_report,
    make_county,
    publish,
    zero_cells,
)

pytestmark = pytest.mark.django_db
TODAY = date(2025, 2, 10)


def lines(county: County, year: int = 2024) -> dict[str, dashboard.BodyLine]:
    return {
        line.agency.code: line for line in dashboard.region_dashboard(county.government, year, TODAY).lines
    }


def finding(severity: str) -> dict[str, object]:
    return {"rule": "blank_cell", "severity": severity, "message": "…", "keys": []}


def test_rule_results_come_from_what_is_stored() -> None:
    county = make_county()
    AnnualReport.objects.create(
        agency=county.finance, year=2024, format="2021",
        findings=[finding("error"), finding("warning"), finding("warning"), finding("info")],
        checked_at=timezone.now(),
    )  # fmt: skip
    AnnualReport.objects.create(agency=county.town, year=2024, format="2021")  # never checked
    publish(county.government, 2024, county.staff, findings=[finding("warning")])
    imported = import_report(county.police, 2024, zero_cells())
    for position, (severity, status) in enumerate(
        [("error", "open"), ("error", "dismissed"), ("warning", "confirmed"), ("info", "open")]
    ):
        AuditFinding.objects.create(
            report=imported, position=position, rule="balance", severity=severity, message="…", status=status
        )

    board = lines(county)
    assert (board["XS-CZ"].errors, board["XS-CZ"].warnings) == (1, 2)
    assert board["XS-CZ"].checked_at is not None
    assert (board["XS-DX"].errors, board["XS-DX"].warnings) == (None, None)
    assert (board["XS"].errors, board["XS"].warnings) == (0, 1)
    assert (board["XS-GA"].errors, board["XS-GA"].warnings) == (1, 1)


def random_records(county: County, seed: int) -> None:
    rng = random.Random(seed)
    bodies = [county.government, county.finance, county.police, county.town, county.grandchild]
    for _ in range(120):
        received = date(2022, 6, 1) + timedelta(days=rng.randrange(1000))
        days = rng.choice([None, rng.randrange(0, 400)])
        closed = received + timedelta(days=days) if days is not None else None
        make_application(
            rng.choice(bodies),
            received_on=received,
            closed_on=closed,
            result=rng.choice(Result.values) if closed else "",
            applicant_type=rng.choice(ApplicantType.values),
        )
    for _ in range(15):
        make_case(
            rng.choice(bodies),
            filed_on=date(2023, 1, 1) + timedelta(days=rng.randrange(700)),
            kind=rng.choice(CaseKind.values),
        )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_figures_counted_from_the_records_are_those_of_the_body_s_own_report(seed: int) -> None:
    county = make_county()
    random_records(county, seed)
    CoveredBody.objects.create(agency=county.grandchild, year=2024, covered_by=county.police)

    board = lines(county)

    for agency in (county.finance, county.police, county.town, county.government):
        cells, _ = report_cells(agency, 2024)
        assert board[agency.code].figures.values == key_figures("2021", cells), agency.code
        previous, _ = report_cells(agency, 2023)
        if agency != county.police:  # its office was not covered in 2023: counted apart
            assert board[agency.code].previous.values == key_figures("2021", previous), agency.code
    assert board["XS-CZ"].figures.source_label == "办理记录（未发布）"
    assert board["XS"].figures.source_label == "所辖机关汇总（未发布）"


def test_published_and_imported_figures_are_read_as_frozen_beside_last_year_s() -> None:
    county = make_county()
    make_application(county.finance, received_on=date(2024, 3, 1), closed_on=date(2024, 3, 9))
    publish(county.finance, 2024, county.staff)
    make_application(county.finance, received_on=date(2024, 3, 2))  # after publication
    cells = zero_cells()
    cells.update(
        {"requests.new_received.total": 9, "requests.results_total.total": 8, "requests.disclosed.total": 2}
    )
    cells.update({"appeals.litigation_direct.total": 1, "appeals.litigation_after_reconsideration.total": 2})
    import_report(county.police, 2024, cells)
    import_report(
        county.police, 2023, {"requests_received": 5, "replies_total": 4, "replies_granted": 1}, fmt="2008"
    )

    board = lines(county)

    finance = board["XS-CZ"].figures
    assert (finance.source, finance.values.new_received, finance.values.results_total) == ("published", 1, 1)  # type: ignore[union-attr]
    police = board["XS-GA"]
    assert police.figures.source_label == "导入的报告"
    assert police.figures.values is not None
    assert (police.figures.values.new_received, police.figures.values.litigation) == (9, 3)
    assert police.figures.values.disclosed_share == pytest.approx(0.25)
    assert police.previous.values is not None and police.previous.values.new_received == 5
    assert police.previous.values.carried_out is None  # the old table has no such row
    # The government sums its members as its report would: 0 own + 1 + 9 + 0.
    assert board["XS"].figures.values.new_received == 10  # type: ignore[union-attr]


def test_a_member_with_a_blank_figure_blanks_the_government_s_figure() -> None:
    county = make_county()
    cells = zero_cells()
    cells["requests.new_received.total"] = None
    import_report(county.police, 2024, cells)

    board = lines(county)

    assert board["XS-GA"].figures.values.new_received is None  # type: ignore[union-attr]
    assert board["XS"].figures.values.new_received is None  # type: ignore[union-attr]
    assert board["XS"].figures.values.results_total == 0  # type: ignore[union-attr]
