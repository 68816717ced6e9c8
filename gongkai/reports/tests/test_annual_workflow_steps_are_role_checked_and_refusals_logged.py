"""Each step of the report is for the staff or head of its body; the head alone approves. A refusal
changes nothing and is written to the audit log; each step taken is an event and a line of the log."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.core.models import AuditLog
from gongkai.reports.annual import services
from gongkai.reports.models import AnnualReport, AnnualReportEvent
from gongkai.reports.tests.annual_workflow_factories import JANUARY, YEAR, make_cast, opened, ready

pytestmark = pytest.mark.django_db
Kind = AnnualReportEvent.Kind


def refusals(action: str) -> int:
    return AuditLog.objects.filter(action=action, outcome=AuditLog.Outcome.REFUSED).count()


def test_only_the_bodys_staff_and_head_open_a_report() -> None:
    cast = make_cast()
    for user in (cast.outsider, cast.supervisor):
        with pytest.raises(PermissionDenied):
            services.annual_report_open(actor=user, agency=cast.agency, year=YEAR, today=JANUARY)
    assert not AnnualReport.objects.exists()
    assert refusals("annual_report_open") == 2
    report = services.annual_report_open(actor=cast.head, agency=cast.agency, year=YEAR, today=JANUARY)
    assert report.events.get().kind == Kind.CREATED
    assert AuditLog.objects.filter(action="annual_report_created", actor=cast.head).exists()


def test_another_body_cannot_edit_submit_or_return() -> None:
    cast = make_cast()
    report = opened(cast)
    with pytest.raises(PermissionDenied):
        services.annual_report_edit(actor=cast.outsider, report=report, problems="他人的文字")
    with pytest.raises(PermissionDenied):
        services.annual_report_submit(
            actor=cast.supervisor, report=report, acknowledge_warnings=True, today=JANUARY
        )
    report.refresh_from_db()
    assert report.problems == "" and report.state == AnnualReport.State.DRAFT
    assert refusals("annual_report_edit") == 1 and refusals("annual_report_submit") == 1


def test_the_head_alone_approves() -> None:
    cast = make_cast()
    report = ready(cast)
    services.annual_report_submit(actor=cast.staff, report=report, acknowledge_warnings=True, today=JANUARY)
    with pytest.raises(PermissionDenied, match="负责人"):
        services.annual_report_approve(actor=cast.staff, report=report, today=JANUARY)
    report.refresh_from_db()
    assert report.state == AnnualReport.State.SUBMITTED
    assert refusals("annual_report_approve") == 1
    services.annual_report_approve(actor=cast.head, report=report, today=JANUARY)
    report.refresh_from_db()
    assert report.state == AnnualReport.State.APPROVED
    approved = report.events.get(kind=Kind.APPROVED)
    assert approved.actor == cast.head
    assert approved.after["content"]["problems"] == report.problems  # what the head approved


def test_a_step_the_state_does_not_allow_is_refused_and_logged() -> None:
    cast = make_cast()
    report = ready(cast)
    with pytest.raises(services.ReportRefused, match="只有已提交审核的报告可以批准"):
        services.annual_report_approve(actor=cast.head, report=report, today=JANUARY)
    with pytest.raises(services.ReportRefused, match="须经负责人批准后才能发布"):
        services.annual_report_publish(actor=cast.head, report=report, today=JANUARY)
    with pytest.raises(services.ReportRefused, match="没有可退回的审核"):
        services.annual_report_return(actor=cast.head, report=report, reason="再看看")
    with pytest.raises(services.ReportRefused, match="只有已发布的报告需要更正"):
        services.annual_report_start_correction(actor=cast.staff, report=report, reason="更正")
    services.annual_report_submit(actor=cast.staff, report=report, acknowledge_warnings=True, today=JANUARY)
    with pytest.raises(services.ReportRefused, match="已提交审核，不能修改"):
        services.annual_report_edit(actor=cast.staff, report=report, problems="提交后再改")
    report.refresh_from_db()
    assert report.state == AnnualReport.State.SUBMITTED and "提交后再改" not in report.problems
    assert (
        sum(
            refusals(f"annual_report_{step}")
            for step in ("approve", "publish", "return", "start_correction", "edit")
        )
        == 5
    )


def test_a_return_needs_a_reason_and_goes_back_to_draft() -> None:
    cast = make_cast()
    report = ready(cast)
    services.annual_report_submit(actor=cast.staff, report=report, acknowledge_warnings=True, today=JANUARY)
    with pytest.raises(ValidationError) as error:
        services.annual_report_return(actor=cast.head, report=report, reason="  ")
    assert "请写明退回的原因" in error.value.message_dict["reason"][0]
    services.annual_report_return(actor=cast.head, report=report, reason="第五部分请写得具体些")
    report.refresh_from_db()
    assert report.state == AnnualReport.State.DRAFT
    returned = report.events.get(kind=Kind.RETURNED)
    assert returned.note == "第五部分请写得具体些" and returned.before == {"state": "submitted"}
