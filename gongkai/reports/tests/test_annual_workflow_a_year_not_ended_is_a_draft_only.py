"""A report on a year not yet ended can be opened and worked on as a draft, marked as such, but not
submitted (nor published); a year not yet begun, a year before 2019 and a body whose report another
body covers are refused."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from gongkai.reports.annual import services
from gongkai.reports.annual.content import DRAFT_MARK
from gongkai.reports.annual.review import check_report
from gongkai.reports.models import AnnualReport, CoveredBody
from gongkai.reports.tests.annual_workflow_factories import PROBLEMS, make_cast

pytestmark = pytest.mark.django_db
SUMMER = date(2025, 7, 1)


def test_this_years_report_is_a_draft_that_cannot_be_submitted() -> None:
    cast = make_cast()
    report = services.annual_report_open(actor=cast.staff, agency=cast.agency, year=2025, today=SUMMER)
    assert "尚未结束" in report.events.get().note
    services.annual_report_edit(actor=cast.staff, report=report, problems=PROBLEMS, today=SUMMER)
    checked = check_report(report, today=SUMMER)
    assert checked.content.year_ended is False and checked.content.is_draft
    assert DRAFT_MARK in checked.text
    with pytest.raises(services.ReportRefused, match="2025年度尚未结束，报告只能保存为草稿"):
        services.annual_report_submit(
            actor=cast.staff, report=report, acknowledge_warnings=True, today=SUMMER
        )
    report.refresh_from_db()
    assert report.state == AnnualReport.State.DRAFT


def test_from_the_first_of_january_it_can_be_submitted() -> None:
    cast = make_cast()
    report = services.annual_report_open(actor=cast.staff, agency=cast.agency, year=2025, today=SUMMER)
    services.annual_report_edit(actor=cast.staff, report=report, problems=PROBLEMS, today=SUMMER)
    services.annual_report_submit(
        actor=cast.staff, report=report, acknowledge_warnings=True, today=date(2026, 1, 1)
    )
    report.refresh_from_db()
    assert report.state == AnnualReport.State.SUBMITTED


@pytest.mark.parametrize(("year", "message"), [(2018, "使用旧统计表"), (2026, "2026年度尚未开始")])
def test_a_year_before_2019_or_not_yet_begun_is_refused(year: int, message: str) -> None:
    cast = make_cast()
    with pytest.raises(ValidationError) as error:
        services.annual_report_open(actor=cast.staff, agency=cast.agency, year=year, today=SUMMER)
    assert message in error.value.message_dict["year"][0]
    assert not AnnualReport.objects.exists()


def test_a_body_covered_by_another_does_not_open_its_own_report() -> None:
    cast = make_cast()
    city = cast.agency.parent
    assert city is not None
    CoveredBody.objects.create(agency=cast.agency, year=2024, covered_by=city)
    with pytest.raises(services.ReportRefused, match="由宁波市人民政府的年度报告涵盖"):
        services.annual_report_open(actor=cast.staff, agency=cast.agency, year=2024, today=SUMMER)
    assert not AnnualReport.objects.exists()
