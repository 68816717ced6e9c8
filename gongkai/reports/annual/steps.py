"""The plumbing every step of an annual report shares (`services`): the transaction with its refusals
logged after the rollback, the row lock, the event with its audit-log line, the state and text checks,
and the check whose findings the report keeps.

A refusal of role (`PermissionDenied`) or of state (`ReportRefused`) is written to the audit log once the
refused transaction has rolled back, so that it survives and nothing else changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import require_act
from gongkai.core.audit import audit_record
from gongkai.core.services import logged_service
from gongkai.reports.annual.review import CheckedReport, check_report
from gongkai.reports.models import AnnualReport, AnnualReportEvent

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    Actor = User | AnonymousUser

P = ParamSpec("P")
R = TypeVar("R")
State = AnnualReport.State

PROSE_FIELDS = ("overview", "problems", "assessment", "other_matters")
PROSE_LABELS = {
    "overview": "总体情况",
    "problems": "存在的主要问题及改进情况",
    "assessment": "工作考核、社会评议和责任追究结果情况",
    "other_matters": "其他需要报告的事项",
}
TEXT_LIMIT = 10_000  # characters in one section: ten times what 格式2021 allows the overview
REASON_LIMIT = 1_000


class ReportRefused(ValidationError):
    """The report's state, or a rule of the 条例 or the format, does not allow this step now."""


# ---------------------------------------------------------------------------------------------------
# The plumbing of every step


def _refused_year(kwargs: dict[str, Any]) -> dict[str, Any]:
    report = kwargs.get("report")
    return {"year": report.year if isinstance(report, AnnualReport) else kwargs.get("year")}


def service(action: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Run the service in a transaction; log a refusal of role or state after its rollback, with the year."""
    return logged_service(
        action, subject="report", model=AnnualReport, refusals=(ReportRefused,), detail=_refused_year
    )


def today_or(today: date | None) -> date:
    return today or timezone.localdate()


def user_of(actor: Actor | None) -> User | None:
    return actor if isinstance(actor, User) and actor.is_authenticated else None


def require_act_or_command_line(actor: Actor | None, agency: Agency) -> None:
    if actor is not None:  # None: the command line, run by whoever runs the server
        require_act(actor, agency)


def lock(report: AnnualReport) -> None:
    AnnualReport.objects.select_for_update().filter(pk=report.pk).values_list("pk").get()
    report.refresh_from_db()


def record_event(
    report: AnnualReport,
    kind: str,
    actor: Actor | None,
    *,
    note: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AnnualReportEvent:
    """The step as an event of the report, and a line of the audit log."""
    event = AnnualReportEvent.objects.create(
        report=report, kind=kind, actor=user_of(actor), note=note, before=before or {}, after=after or {}
    )
    audit_record(
        action=f"annual_report_{kind}",
        actor=actor,
        agency=report.agency,
        obj=report,
        message=f"{report.year}年度报告：{event.get_kind_display()}" + (f"（{note[:200]}）" if note else ""),
        detail={"year": report.year, "event": event.pk},
    )
    return event


def state_label(state: str) -> str:
    return str(State(state).label)


def require_draft(report: AnnualReport, what: str) -> None:
    if report.state == State.PUBLISHED:
        raise ReportRefused(
            f"{report.year}年度报告已发布，不能{what}；如需更正，请发起更正，更正后作为新版本发布。"
        )
    if report.state != State.DRAFT:
        raise ReportRefused(
            f"{report.year}年度报告{state_label(report.state)}，不能{what}；如需修改，请先退回修改。"
        )


def clean_text(field: str, value: str, limit: int = TEXT_LIMIT) -> str:
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > limit:
        raise ValidationError(
            {field: f"{PROSE_LABELS.get(field, '内容')}不能超过{limit}字（现有{len(text)}字）。"}
        )
    return text


def clean_reason(value: str, what: str) -> str:
    reason = clean_text("reason", value, REASON_LIMIT)
    if not reason:
        raise ValidationError({"reason": f"请写明{what}的原因。"})
    return reason


def store_check(report: AnnualReport, *, today: date | None = None) -> CheckedReport:
    """Check the report as it stands and keep the findings on it (the supervision dashboard reads them).
    A published report keeps the findings of its published version."""
    checked = check_report(report, today=today)
    if report.state != State.PUBLISHED:
        findings = checked.findings_json()
        if findings != report.findings or report.checked_at is None:
            report.findings = findings
            report.checked_at = timezone.now()
            AnnualReport.objects.filter(pk=report.pk).update(findings=findings, checked_at=report.checked_at)
    return checked
