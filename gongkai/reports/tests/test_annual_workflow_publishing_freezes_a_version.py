"""Publishing the approved report freezes it as version 1: its content as JSON, the findings of its
check, its text, its DOCX and PDF, who published and who approved. Publishing before the year has
ended is refused; after the deadline (条例第四十九条) it is allowed and recorded as late; a report whose
figures changed after the head approved it is not published."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.appeals.tests.factories import make_application
from gongkai.reports.annual import services
from gongkai.reports.annual.content import DRAFT_MARK
from gongkai.reports.annual.selectors import year_line
from gongkai.reports.models import AnnualReport, AnnualReportEvent
from gongkai.reports.tests.annual_workflow_factories import (
    JANUARY,
    YEAR,
    approved,
    files_not_rendered,
    make_cast,
)

__all__ = ["files_not_rendered"]  # the fixture

pytestmark = pytest.mark.django_db


def test_the_approved_report_is_published_as_a_frozen_version() -> None:
    cast = make_cast()
    report = approved(cast)
    version = services.annual_report_publish(actor=cast.staff, report=report, today=JANUARY)

    report.refresh_from_db()
    assert report.state == AnnualReport.State.PUBLISHED
    assert (version.number, version.published_on) == (1, JANUARY)
    assert (version.published_by, version.approved_by) == (cast.staff, cast.head)
    assert version.content["state"] == "published" and version.content["version"] == 1
    assert version.content["signature_date"] == "2025-01-10"
    assert "/reports/NB-FGW/2024/" in version.content["preface"]  # where the report can be read
    assert DRAFT_MARK not in version.text and "2025年1月10日" in version.text
    assert bytes(version.docx).startswith(b"PK") and bytes(version.pdf).startswith(b"%PDF")
    assert version.findings == report.findings == []
    event = report.events.get(kind=AnnualReportEvent.Kind.PUBLISHED)
    assert event.after["late"] is False and event.after["version"] == 1
    assert year_line(cast.agency, YEAR, JANUARY).late is False


@pytest.mark.usefixtures("files_not_rendered")
def test_publishing_after_the_deadline_is_recorded_as_late() -> None:
    cast = make_cast()
    report = approved(cast)
    services.annual_report_publish(actor=cast.head, report=report, today=date(2025, 2, 5))
    event = report.events.get(kind=AnnualReportEvent.Kind.PUBLISHED)
    assert event.after["late"] is True and event.after["days_late"] == 5
    assert "逾期5天" in event.note
    assert year_line(cast.agency, YEAR, date(2025, 3, 1)).late is True


@pytest.mark.usefixtures("files_not_rendered")
def test_publishing_before_the_year_has_ended_is_refused() -> None:
    cast = make_cast()
    report = approved(cast)
    with pytest.raises(services.ReportRefused, match="2024年度尚未结束，不能发布"):
        services.annual_report_publish(actor=cast.staff, report=report, today=date(2024, 12, 31))
    report.refresh_from_db()
    assert report.state == AnnualReport.State.APPROVED and not report.versions.exists()


@pytest.mark.usefixtures("files_not_rendered")
def test_figures_that_changed_since_the_approval_stop_the_publication() -> None:
    cast = make_cast()
    report = approved(cast)
    make_application(cast.agency, received_on=date(YEAR, 6, 1), closed_on=date(YEAR, 6, 20))
    with pytest.raises(services.ReportRefused, match="负责人批准后，报告的内容发生了变化") as error:
        services.annual_report_publish(actor=cast.staff, report=report, today=JANUARY)
    assert "三、收到和处理政府信息公开申请情况表中" in str(error.value)
    report.refresh_from_db()
    assert report.state == AnnualReport.State.APPROVED and not report.versions.exists()
