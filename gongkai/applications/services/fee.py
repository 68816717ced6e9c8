"""The information processing fee: notice, payment, lapse (条例第四十二条, 国办函〔2020〕109号)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError

from gongkai.agencies.permissions import require_act
from gongkai.applications import fees
from gongkai.applications.deadlines import compute_deadline
from gongkai.applications.models import Application, EventKind, FeeMethod, Result, Status
from gongkai.applications.services.base import check_date, events_of, lock, not_before, refuse, service, today
from gongkai.applications.services.checks import check_lapse_fee, check_notify_fee, check_record_payment
from gongkai.applications.services.events import close, record, snapshot

if TYPE_CHECKING:
    from gongkai.applications.services.base import Actor


def fee_proposal(application: Application, *, method: str, pages: int | None = None) -> fees.FeeProposal:
    """What the system proposes for `application` by `method`; a `ValidationError` for bad input."""
    if method not in FeeMethod.values:
        raise ValidationError({"method": "计收方式应为按件计收或按量计收。"})
    if method == FeeMethod.BY_VOLUME and (isinstance(pages, bool) or not isinstance(pages, int) or pages < 1):
        raise ValidationError({"pages": "按量计收，请填写页数（正整数）。"})
    if application.received_on is None:
        raise ValidationError("尚未确认收到的申请不能收费。")
    return fees.propose_fee(application, method=method, pages=pages)


@service("application_notify_fee")
def application_notify_fee(
    *,
    actor: Actor,
    application: Application,
    method: str,
    notified_on: date,
    pages: int | None = None,
    amount: int | None = None,
    waiver_reason: str = "",
) -> Application:
    """Decide the information processing fee and notify it. The system proposes the amount by `method`
    (`FeeMethod`: by count in the applicant's month, or by `pages`); staff charge that `amount` or less,
    a reduction (减免) needing `waiver_reason`. A fee notice stops the reply period until payment; a
    full waiver (amount 0) is recorded and stops nothing. Only while the reply period runs."""
    lock(application)
    require_act(actor, application.agency)
    deadline = compute_deadline(application)
    check_notify_fee(application, deadline)
    proposal = fee_proposal(application, method=method, pages=pages)
    if proposal.amount == 0:
        raise ValidationError({"method": f"按此方式计算不收费：{proposal.explanation}"})
    charged = proposal.amount if amount is None else amount
    if isinstance(charged, bool) or not isinstance(charged, int) or charged < 0:
        raise ValidationError({"amount": "收费金额应为不小于0的整数（元）。"})
    if charged > proposal.amount:
        raise ValidationError({"amount": f"收费金额不能超过按收费标准计算的{proposal.amount}元。"})
    waiver_reason = (waiver_reason or "").strip()
    if charged < proposal.amount and not waiver_reason:
        raise ValidationError({"waiver_reason": f"减免{proposal.amount - charged}元，请写明减免理由。"})
    check_date(notified_on, "notified_on", "收费通知日期")
    not_before(notified_on, deadline.clock_start, "notified_on", "收费通知日期", "答复期限起算日")
    if deadline.due_date is not None and notified_on > deadline.due_date:
        raise refuse(f"收费通知应在答复期限（{deadline.due_date.isoformat()}）内发出。")
    data = {
        "method": proposal.method.value,
        "quantity": proposal.quantity,
        "proposed": proposal.amount,
        "amount": charged,
        "waiver": proposal.amount - charged,
        "waiver_reason": waiver_reason,
        "explanation": proposal.explanation,
    }
    before = snapshot(application)
    if charged == 0:
        record(
            application,
            kind=EventKind.FEE_WAIVED,
            actor=actor,
            before=before,
            effective_on=notified_on,
            data=data,
        )
        return application
    application.status = Status.AWAITING_PAYMENT
    record(
        application,
        kind=EventKind.FEE_NOTIFIED,
        actor=actor,
        before=before,
        effective_on=notified_on,
        data=data,
    )
    return application


@service("application_record_payment")
def application_record_payment(
    *, actor: Actor, application: Application, paid_on: date, note: str = ""
) -> Application:
    """Record the payment of the fee; the reply period runs again from `paid_on`."""
    lock(application)
    require_act(actor, application.agency)
    deadline = compute_deadline(application)
    check_record_payment(application, deadline)
    check_date(paid_on, "paid_on", "缴费日期")
    notice = events_of(application, EventKind.FEE_NOTIFIED)[-1]
    not_before(paid_on, notice.effective_on, "paid_on", "缴费日期", "收费通知日期")
    late = deadline.payment_due is not None and paid_on > deadline.payment_due
    before = snapshot(application)
    application.status = Status.IN_PROGRESS
    record(
        application,
        kind=EventKind.FEE_PAID,
        actor=actor,
        before=before,
        effective_on=paid_on,
        data={"amount": notice.data.get("amount"), "late": late},
        note=note,
    )
    return application


@service("application_lapse_fee")
def application_lapse_fee(
    *, actor: Actor, application: Application, on: date | None = None, note: str = ""
) -> Application:
    """Close an application whose fee was not paid within 20 working days from the day after the
    applicant received the fee notice: 视为放弃申请, report row 三（六）2."""
    lock(application)
    require_act(actor, application.agency)
    deadline = compute_deadline(application)
    check_lapse_fee(application, deadline)
    on = check_date(on or today(), "on", "处理日期")
    if deadline.payment_due is not None and on <= deadline.payment_due:
        raise refuse(f"缴费期限至 {deadline.payment_due.isoformat()} 届满，届满之后方可按逾期未缴费处理。")
    return close(
        application, actor=actor, kind=EventKind.FEE_LAPSED, on=on, result=Result.OTHER_FEE_UNPAID, note=note
    )
