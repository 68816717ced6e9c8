"""Correction (补正, 条例第三十条): requested once within 7 working days, submitted online or received,
or lapsed."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError

from gongkai.agencies.permissions import require_act
from gongkai.applications.deadlines import compute_deadline, regime_for
from gongkai.applications.models import Application, EventKind, Result, Status
from gongkai.applications.services.base import check_date, events_of, lock, not_before, refuse, service, today
from gongkai.applications.services.checks import (
    check_lapse_correction,
    check_receive_correction,
    check_request_correction,
)
from gongkai.applications.services.events import close, record, snapshot
from gongkai.workdays.calendar import add_workdays

if TYPE_CHECKING:
    from gongkai.applications.services.base import Actor


CORRECTION_PERIOD_RULE = 15  # 江苏规范: 补正期限一般不超过15个工作日


def correction_notice_deadline(application: Application) -> date | None:
    """The last day a correction may be requested: the 7th working day after receipt (条例第三十条);
    None under the 2007 条例, which set no such limit."""
    if application.received_on is None:
        return None
    days = regime_for(application.received_on).correction_notice_workdays
    if days is None:
        return None
    return add_workdays(application.received_on, days).date


@service("application_request_correction")
def application_request_correction(
    *,
    actor: Actor,
    application: Application,
    notified_on: date,
    items: str,
    period_workdays: int,
    long_period_reason: str = "",
) -> Application:
    """Tell the applicant, once, what to correct and by when (条例第三十条): within 7 working days of
    receipt, with a correction period of `period_workdays` working days from the day the applicant
    receives the notice (as a rule at most 15; longer only with `long_period_reason`). The reply
    period stops until the corrected application arrives."""
    lock(application)
    require_act(actor, application.agency)
    check_request_correction(application, compute_deadline(application))
    check_date(notified_on, "notified_on", "告知补正日期")
    not_before(notified_on, application.received_on, "notified_on", "告知补正日期", "收到申请日期")
    last = correction_notice_deadline(application)
    if last is not None and notified_on > last:
        raise refuse(
            f"告知补正须在收到申请之日起7个工作日内（条例第三十条），本申请最迟应于 {last.isoformat()} 告知。"
        )
    items = (items or "").strip()
    if not items:
        raise ValidationError({"items": "请写明需要补正的事项（条例第三十条：一次性告知）。"})
    if isinstance(period_workdays, bool) or not isinstance(period_workdays, int) or period_workdays < 1:
        raise ValidationError({"period_workdays": "补正期限应为不少于1个工作日的整数。"})
    if period_workdays > CORRECTION_PERIOD_RULE and not long_period_reason.strip():
        raise ValidationError(
            {
                "period_workdays": f"补正期限一般不超过{CORRECTION_PERIOD_RULE}个工作日；确需更长的，请说明理由。"
            }
        )
    before = snapshot(application)
    application.status = Status.AWAITING_CORRECTION
    record(
        application,
        kind=EventKind.CORRECTION_REQUESTED,
        actor=actor,
        before=before,
        effective_on=notified_on,
        data={
            "items": items,
            "period_workdays": period_workdays,
            "long_period_reason": long_period_reason.strip(),
        },
    )
    return application


def _corrected_description(application: Application, description: str) -> dict[str, str]:
    """Replace the description with the corrected one; the event keeps the previous text."""
    description = (description or "").strip()
    if not description or description == application.description:
        return {}
    previous = application.description
    application.description = description
    return {"previous_description": previous, "description": description}


@service("application_submit_correction_online")
def application_submit_correction_online(
    *, application: Application, description: str, actor: Actor | None = None
) -> Application:
    """The applicant submits the corrected application on the status page (having opened it with its
    number and query code). Like any online application it counts as received on the day both sides
    confirm (条例第三十一条): staff confirm with `application_receive_correction`, and until then the
    application cannot lapse for want of a correction."""
    lock(application)
    check_receive_correction(application, compute_deadline(application))
    if not (description or "").strip():
        raise ValidationError({"description": "请填写补正后的申请内容。"})
    before = snapshot(application)
    data = _corrected_description(application, description) or {"description": application.description}
    record(
        application,
        kind=EventKind.CORRECTION_SUBMITTED,
        actor=actor,
        before=before,
        effective_on=today(),
        data=data,
    )
    return application


@service("application_receive_correction")
def application_receive_correction(
    *, actor: Actor, application: Application, received_on: date, description: str = "", note: str = ""
) -> Application:
    """Record the day the corrected application arrived (for one submitted online: the day receipt was
    confirmed); the reply period starts again, in full (条例第三十条). `description`, when given,
    replaces the application's description. A correction after the period is accepted too (the
    applicant may have had good reason, which staff judge); it is marked late."""
    lock(application)
    require_act(actor, application.agency)
    deadline = compute_deadline(application)
    check_receive_correction(application, deadline)
    check_date(received_on, "received_on", "收到补正日期")
    request = events_of(application, EventKind.CORRECTION_REQUESTED)[0]
    not_before(received_on, request.effective_on, "received_on", "收到补正日期", "告知补正日期")
    submitted = events_of(application, EventKind.CORRECTION_SUBMITTED)
    if submitted:
        not_before(received_on, submitted[-1].effective_on, "received_on", "收到补正日期", "网上提交补正日期")
    late = deadline.correction_due is not None and received_on > deadline.correction_due
    before = snapshot(application)
    application.status = Status.IN_PROGRESS
    record(
        application,
        kind=EventKind.CORRECTION_RECEIVED,
        actor=actor,
        before=before,
        effective_on=received_on,
        data={"late": late, **_corrected_description(application, description)},
        note=note,
    )
    return application


@service("application_lapse_correction")
def application_lapse_correction(
    *, actor: Actor, application: Application, on: date | None = None, note: str = ""
) -> Application:
    """Close an application whose applicant did not correct it in time: 视为放弃申请 (条例第三十条),
    report row 三（六）1. Only after the correction period has run out."""
    lock(application)
    require_act(actor, application.agency)
    deadline = compute_deadline(application)
    check_lapse_correction(application, deadline)
    on = check_date(on or today(), "on", "处理日期")
    if deadline.correction_due is not None and on <= deadline.correction_due:
        raise refuse(f"补正期限至 {deadline.correction_due.isoformat()} 届满，届满之后方可按逾期未补正处理。")
    return close(
        application,
        actor=actor,
        kind=EventKind.CORRECTION_LAPSED,
        on=on,
        result=Result.OTHER_NO_CORRECTION,
        note=note,
    )
