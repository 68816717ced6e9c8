"""Each body's report status on the supervising office's dashboard, against its deadline (条例第四十九条:
departments and 乡镇/街道 by 31 January; the format notices: a county government's aggregated report by
20 February): days left up to and on the deadline day, overdue from the day after; published on time
on the deadline day and late a day after; a correction keeps a published report published; covered
bodies and reports published elsewhere say so."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.reports.annual import dashboard
from gongkai.reports.models import AnnualReport, CoveredBody
from gongkai.reports.tests.aggregation_factories import (
    County,
    import_report,
    make_county,
    publish,
    zero_cells,
)

pytestmark = pytest.mark.django_db


def line(county: County, code: str, today: date) -> dashboard.BodyLine:
    board = dashboard.region_dashboard(county.government, 2024, today)
    return next(line for line in board.lines if line.agency.code == code)


def test_not_started_counts_down_to_the_deadline_and_is_overdue_the_day_after() -> None:
    county = make_county()
    before = line(county, "XS-CZ", date(2025, 1, 21))
    assert (before.status, before.status_label, before.days_left, before.days_late) == (
        "not_started", "未开始", 10, None,
    )  # fmt: skip
    assert before.deadline == date(2025, 1, 31)
    on_the_day = line(county, "XS-CZ", date(2025, 1, 31))
    assert (on_the_day.status, on_the_day.days_left) == ("not_started", 0)
    after = line(county, "XS-CZ", date(2025, 2, 1))
    assert (after.status, after.status_label, after.days_left, after.days_late) == (
        "overdue", "逾期未发布", None, 1,
    )  # fmt: skip


def test_the_county_government_has_until_20_february() -> None:
    county = make_county()
    government = line(county, "XS", date(2025, 2, 1))
    assert (government.deadline, government.status, government.days_left) == (
        date(2025, 2, 20),
        "not_started",
        19,
    )


@pytest.mark.parametrize(
    ("state", "status", "label"),
    [("draft", "draft", "草稿"), ("submitted", "submitted", "已提交"), ("approved", "approved", "已批准")],
)
def test_a_report_in_the_works_shows_its_state_until_the_deadline(
    state: str, status: str, label: str
) -> None:
    county = make_county()
    AnnualReport.objects.create(agency=county.finance, year=2024, format="2021", state=state)
    assert (
        line(county, "XS-CZ", date(2025, 1, 20)).status,
        line(county, "XS-CZ", date(2025, 1, 20)).status_label,
    ) == (status, label)
    late = line(county, "XS-CZ", date(2025, 2, 3))
    assert (late.status, late.state, late.days_late) == ("overdue", state, 3)


def test_published_on_the_deadline_day_is_on_time_and_a_day_later_is_late() -> None:
    county = make_county()
    publish(county.finance, 2024, county.staff, published_on=date(2025, 1, 31))
    publish(county.police, 2024, county.staff, published_on=date(2025, 2, 1))

    on_time = line(county, "XS-CZ", date(2025, 3, 1))
    assert (on_time.status, on_time.status_label, on_time.published_on, on_time.days_late) == (
        "published_on_time", "已发布（按时）", date(2025, 1, 31), None,
    )  # fmt: skip
    late = line(county, "XS-GA", date(2025, 3, 1))
    assert (late.status, late.status_label, late.days_late) == ("published_late", "已发布（逾期）", 1)


def test_a_correction_published_later_does_not_make_a_report_late() -> None:
    county = make_county()
    publish(county.finance, 2024, county.staff, published_on=date(2025, 1, 20))
    publish(county.finance, 2024, county.staff, published_on=date(2025, 4, 1), number=2)
    AnnualReport.objects.filter(agency=county.finance).update(state="draft")  # a third version in the works

    corrected = line(county, "XS-CZ", date(2025, 5, 1))
    assert (corrected.status, corrected.published_on, corrected.correcting) == (
        "published_on_time", date(2025, 1, 20), True,
    )  # fmt: skip


def test_a_covered_body_names_the_body_that_reports_it() -> None:
    county = make_county()
    CoveredBody.objects.create(agency=county.grandchild, year=2024, covered_by=county.police)
    covered = line(county, "XS-GA-JJ", date(2025, 3, 1))
    assert (covered.status, covered.status_label, covered.days_late) == (
        "covered",
        "由象山县公安局报告",
        None,
    )
    assert covered.figures.values is None


def test_a_report_published_elsewhere_and_imported_is_external_with_its_printed_date() -> None:
    county = make_county()
    import_report(county.police, 2024, zero_cells(), published_on=date(2025, 2, 5))
    import_report(county.town, 2024, zero_cells())

    police = line(county, "XS-GA", date(2025, 3, 1))
    assert (police.status, police.status_label, police.published_on, police.days_late) == (
        "external", "外部发布（已导入）", date(2025, 2, 5), 5,
    )  # fmt: skip
    assert line(county, "XS-DX", date(2025, 3, 1)).days_late is None


def test_counts_and_filters_by_status_and_kind() -> None:
    county = make_county()
    publish(county.finance, 2024, county.staff, published_on=date(2025, 1, 20))
    board = dashboard.region_dashboard(county.government, 2024, date(2025, 2, 2))

    counts = board.counts()
    assert counts["published_on_time"] == 1 and counts["overdue"] == 3 and counts["not_started"] == 1
    assert [row.agency.code for row in board.filtered(status="overdue")] == ["XS-DX", "XS-GA", "XS-GA-JJ"]
    assert [row.agency.code for row in board.filtered(kind="township")] == ["XS-DX"]
    assert [row.agency.code for row in board.filtered(status="overdue", kind="department")] == [
        "XS-GA",
        "XS-GA-JJ",
    ]
