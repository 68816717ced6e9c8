"""Submission is refused while the report has an error-level finding; its warnings must be acknowledged,
and the submission's event keeps which warnings were acknowledged."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from gongkai.reports.annual import check, services
from gongkai.reports.audit.model import Finding, ParsedReport
from gongkai.reports.auditing import audit_report
from gongkai.reports.models import AnnualReport, AnnualReportEvent
from gongkai.reports.tests.annual_workflow_factories import JANUARY, PROBLEMS, make_cast, opened, ready

pytestmark = pytest.mark.django_db


def test_warnings_must_be_acknowledged_and_are_recorded() -> None:
    cast = make_cast()
    report = opened(cast)  # table 二 blank: blank_cell; 五 empty: empty_section
    services.annual_report_edit(actor=cast.staff, report=report, problems="无", today=JANUARY)
    with pytest.raises(ValidationError) as error:
        services.annual_report_submit(actor=cast.staff, report=report, today=JANUARY)
    assert "请逐项核实" in error.value.message_dict["acknowledge_warnings"][0]
    report.refresh_from_db()
    assert report.state == AnnualReport.State.DRAFT
    rules = {finding["rule"] for finding in report.findings}
    assert {"blank_cell", "empty_section"} <= rules  # kept on the report for the dashboard

    services.annual_report_submit(actor=cast.staff, report=report, acknowledge_warnings=True, today=JANUARY)
    event = report.events.get(kind=AnnualReportEvent.Kind.SUBMITTED)
    assert {w["rule"] for w in event.after["acknowledged_warnings"]} == {"blank_cell", "empty_section"}
    assert event.note.startswith("已核实")


def test_a_report_without_warnings_needs_no_acknowledgement() -> None:
    cast = make_cast()
    report = ready(cast)
    assert report.findings == []
    services.annual_report_submit(actor=cast.staff, report=report, today=JANUARY)
    report.refresh_from_db()
    assert report.state == AnnualReport.State.SUBMITTED


def test_an_error_blocks_submission_whatever_is_acknowledged(monkeypatch: pytest.MonkeyPatch) -> None:
    cast = make_cast()
    report = ready(cast)
    audit = audit_report  # the one `check` calls, replaced below

    def with_an_error(parsed: ParsedReport, previous: ParsedReport | None = None) -> ParsedReport:
        audit(parsed, previous)
        parsed.findings.append(
            Finding("balance", "error", "一+二≠三（七）+四", ["requests.results_total.total"])
        )
        return parsed

    monkeypatch.setattr(check, "audit_report", with_an_error)
    with pytest.raises(services.ReportRefused, match="报告有1项错误，须改正后才能提交"):
        services.annual_report_submit(
            actor=cast.staff, report=report, acknowledge_warnings=True, today=JANUARY
        )
    report.refresh_from_db()
    assert report.state == AnnualReport.State.DRAFT
    checked = services.store_check(report, today=JANUARY)
    assert checked.findings[0].severity == "error"  # errors first
    assert report.findings[0]["rule"] == "balance"


def test_an_error_appearing_after_submission_blocks_approval(monkeypatch: pytest.MonkeyPatch) -> None:
    cast = make_cast()
    report = ready(cast)
    services.annual_report_edit(actor=cast.staff, report=report, problems=PROBLEMS + "补充。", today=JANUARY)
    services.annual_report_submit(actor=cast.staff, report=report, today=JANUARY)
    audit = audit_report  # the one `check` calls, replaced below

    def with_an_error(parsed: ParsedReport, previous: ParsedReport | None = None) -> ParsedReport:
        audit(parsed, previous)
        parsed.findings.append(Finding("detail_sum", "error", "办理结果之和与总计不符"))
        return parsed

    monkeypatch.setattr(check, "audit_report", with_an_error)
    with pytest.raises(services.ReportRefused, match="不能批准"):
        services.annual_report_approve(actor=cast.head, report=report, today=JANUARY)
    report.refresh_from_db()
    assert report.state == AnnualReport.State.SUBMITTED
