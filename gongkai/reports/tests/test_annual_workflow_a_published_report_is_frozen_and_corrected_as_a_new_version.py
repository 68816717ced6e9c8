"""A published report is frozen: editing its prose or its figures is refused and logged. A correction
starts a new draft from it with a reason, goes through the same steps and is published as version 2,
whose change note and changes say what changed (cells and sections); version 1 is kept as it was.
Next year's report is compared with the published one (年年雷同)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from gongkai.core.models import AuditLog
from gongkai.reports.annual import services
from gongkai.reports.annual.review import check_report
from gongkai.reports.models import AnnualReport, AnnualReportEvent
from gongkai.reports.tests.annual_workflow_factories import (
    JANUARY,
    PROBLEMS,
    YEAR,
    Cast,
    approved,
    files_not_rendered,
    make_cast,
)

__all__ = ["files_not_rendered"]  # the fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("files_not_rendered")]
LATER = date(2025, 3, 2)


def published(cast: Cast) -> AnnualReport:
    report = approved(cast)
    services.annual_report_publish(actor=cast.staff, report=report, today=JANUARY)
    report.refresh_from_db()
    return report


def test_editing_a_published_report_is_refused_and_logged() -> None:
    cast = make_cast()
    report = published(cast)
    with pytest.raises(services.ReportRefused, match="已发布，不能修改"):
        services.annual_report_edit(actor=cast.staff, report=report, problems="改")
    with pytest.raises(services.ReportRefused, match="已发布，不能修改年度数据"):
        services.yearly_figures_save(
            actor=cast.staff,
            agency=cast.agency,
            year=YEAR,
            values={"item20_5.licensing.decisions": 1},
            today=LATER,
        )
    with pytest.raises(services.ReportRefused, match="已发布"):
        services.annual_report_redraft_overview(actor=cast.staff, report=report)
    report.refresh_from_db()
    assert report.problems == PROBLEMS
    refused = AuditLog.objects.filter(outcome="refused", agency=cast.agency)
    assert {line.action for line in refused} == {
        "annual_report_edit",
        "yearly_figures_save",
        "annual_report_redraft_overview",
    }


def test_a_correction_is_published_as_version_two_saying_what_changed() -> None:
    cast = make_cast()
    report = published(cast)
    with pytest.raises(ValidationError):
        services.annual_report_start_correction(actor=cast.staff, report=report, reason="")
    services.annual_report_start_correction(
        actor=cast.staff, report=report, reason="行政许可决定数量填报有误"
    )
    report.refresh_from_db()
    assert report.state == AnnualReport.State.DRAFT and report.correction_reason == "行政许可决定数量填报有误"

    services.yearly_figures_save(
        actor=cast.staff,
        agency=cast.agency,
        year=YEAR,
        values={"item20_5.licensing.decisions": 125},
        today=LATER,
    )
    services.annual_report_edit(
        actor=cast.staff, report=report, problems=PROBLEMS + "三是加强数据核对。", today=LATER
    )
    services.annual_report_submit(actor=cast.staff, report=report, today=LATER)
    services.annual_report_approve(actor=cast.head, report=report, today=LATER)
    second = services.annual_report_publish(actor=cast.staff, report=report, today=LATER)

    assert second.number == 2
    assert second.changes["cells"] == [
        {
            "key": "item20_5.licensing.decisions",
            "label": "第二十条第（五）项 行政许可 / 本年处理决定数量",
            "before": 120,
            "after": 125,
        }
    ]
    # The overview, never edited by staff, followed the corrected figure.
    assert [s["id"] for s in second.changes["sections"]] == ["overview", "problems"]
    assert "行政许可处理决定125件" in second.content["overview"]
    assert second.change_note.startswith("更正原因：行政许可决定数量填报有误。更正内容：")
    assert (
        "120→125" in second.change_note
        and "一、总体情况的文字、五、存在的主要问题及改进情况的文字" in second.change_note
    )
    assert second.content["change_note"] == second.change_note and "（更正版）" in second.text
    first = report.versions.get(number=1)
    assert first.content["cells"]["item20_5.licensing.decisions"] == 120  # kept as published
    assert first.content["problems"] == PROBLEMS
    report.refresh_from_db()
    assert report.correction_reason == ""
    kinds = list(report.events.values_list("kind", flat=True))
    assert kinds.count(AnnualReportEvent.Kind.PUBLISHED) == 2
    assert AnnualReportEvent.Kind.CORRECTION_STARTED in kinds


def test_next_years_section_five_is_compared_with_the_published_report() -> None:
    cast = make_cast()
    published(cast)
    next_year = services.annual_report_open(
        actor=cast.staff, agency=cast.agency, year=YEAR + 1, today=date(2026, 1, 5)
    )
    services.annual_report_edit(actor=cast.staff, report=next_year, problems=PROBLEMS, today=date(2026, 1, 5))
    rules = {f.rule for f in check_report(next_year, today=date(2026, 1, 5)).findings}
    assert "repeated_text" in rules
