"""On the supervising office's dashboard, a body's report on a year before it made its reports in
Gongkai (`Agency.reports_from`) is 未在本系统编制, never 逾期未发布: it was reported before; a report of
that year opened here shows its workflow state without a deadline counted, one imported shows as
published elsewhere."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.agencies.models import Agency
from gongkai.reports.annual import dashboard
from gongkai.reports.models import AnnualReport
from gongkai.reports.tests.aggregation_factories import import_report, make_county, zero_cells

pytestmark = pytest.mark.django_db


def test_a_body_entered_after_the_year_is_not_overdue_and_counted_apart() -> None:
    county = make_county()
    Agency.objects.filter(code__in=["XS-CZ", "XS-GA", "XS-DX"]).update(reports_from=2025)
    AnnualReport.objects.create(agency=county.police, year=2024, format="2021", state="draft")
    import_report(county.town, 2024, zero_cells())

    board = dashboard.region_dashboard(county.government, 2024, date(2025, 3, 1))
    lines = {line.agency.code: line for line in board.lines}
    finance, police, town = lines["XS-CZ"], lines["XS-GA"], lines["XS-DX"]
    assert (finance.status, finance.status_label, finance.days_late, finance.days_left) == (
        "not_here", "未在本系统编制", None, None,
    )  # fmt: skip
    assert (police.status, police.status_label, police.days_late) == ("draft", "草稿", None)
    assert town.status == "external"
    assert lines["XS-GA-JJ"].status == "overdue"  # reports here since 2019
    assert board.counts()["not_here"] == 1
    assert [line.agency.code for line in board.filtered(status="overdue")] == ["XS", "XS-GA-JJ"]
    assert [line.agency.code for line in board.filtered(status="not_here")] == ["XS-CZ"]
