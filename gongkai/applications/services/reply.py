"""The reply: drafted by staff, signed by the head (条例第三十六条), and the delivery of every notice (送达)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError

from gongkai.agencies.permissions import require_act, require_head
from gongkai.applications.deadlines import compute_deadline
from gongkai.applications.models import (
    NOTICE_EVENT_KINDS,
    Application,
    ApplicationEvent,
    EventKind,
    NoticeDelivery,
    Result,
    Status,
)
from gongkai.applications.notices import DECISIONS, reply_notice
from gongkai.applications.selectors import latest_reply_draft
from gongkai.applications.services.base import check_date, has_event, lock, not_before, refuse, service, today
from gongkai.applications.services.checks import check_draft_reply, check_record_delivery, check_sign_reply
from gongkai.applications.services.events import record, snapshot

if TYPE_CHECKING:
    from gongkai.applications.services.base import Actor


# Ended by their own services, never by a reply.
LAPSE_RESULTS = (Result.OTHER_NO_CORRECTION, Result.OTHER_FEE_UNPAID)


@service("application_draft_reply")
def application_draft_reply(
    *, actor: Actor, application: Application, result: str, reasons: str = ""
) -> ApplicationEvent:
    """Draft the reply: the decision (`Result`) and its reasons. A later draft replaces an earlier one;
    the head signs the latest with `application_sign_reply`. A refusal must give reasons (条例第三十六条
    （三）); 补正后申请内容仍不明确 needs a correction received first (条例第三十条)."""
    lock(application)
    require_act(actor, application.agency)
    check_draft_reply(application, compute_deadline(application))
    if result not in Result.values:
        raise ValidationError({"result": "请选择答复的处理结果。"})
    if result in LAPSE_RESULTS:
        raise ValidationError(
            {"result": "逾期不补正、逾期未缴费的申请，请用相应的“逾期”操作办结，不以答复办结。"}
        )
    if result == Result.UNAVAILABLE_UNCLEAR and not has_event(application, EventKind.CORRECTION_RECEIVED):
        raise refuse("“补正后申请内容仍不明确”仅适用于已告知补正并收到补正的申请（条例第三十条）。")
    reasons = (reasons or "").strip()
    if DECISIONS[Result(result)].reasons_required and not reasons:
        raise ValidationError({"reasons": "该处理结果须说明理由（条例第三十六条）。"})
    notice = reply_notice(application, result=result, reasons=reasons, replied_on=today())
    return record(
        application,
        kind=EventKind.REPLY_DRAFTED,
        actor=actor,
        before=snapshot(application),
        data={"result": result, "reasons": reasons, "notice": notice.as_dict()},
    )


@service("application_sign_reply")
def application_sign_reply(
    *, actor: Actor, application: Application, replied_on: date | None = None
) -> ApplicationEvent:
    """The head signs and issues the latest draft: the application closes on `replied_on` (default
    today) with the draft's decision. Returns the reply's event; `data["notice"]` holds the reply
    notice (`notices.ReplyNotice.as_dict()`)."""
    lock(application)
    require_act(actor, application.agency)
    require_head(actor, application.agency)
    deadline = compute_deadline(application)
    check_sign_reply(application, deadline)
    draft = latest_reply_draft(application)
    assert draft is not None
    replied = check_date(replied_on or today(), "replied_on", "答复日期")
    not_before(replied, deadline.clock_start, "replied_on", "答复日期", "答复期限起算日")
    result = str(draft.data["result"])
    reasons = str(draft.data.get("reasons", ""))
    notice = reply_notice(application, result=result, reasons=reasons, replied_on=replied)
    before = snapshot(application)
    application.status = Status.CLOSED
    application.closed_on = replied
    application.result = result
    return record(
        application,
        kind=EventKind.REPLY_SIGNED,
        actor=actor,
        before=before,
        effective_on=replied,
        data={"result": result, "reasons": reasons, "draft": draft.pk, "notice": notice.as_dict()},
    )


# ---------------------------------------------------------------------------------------------------
# Delivery of notices (送达)


@service("application_record_delivery")
def application_record_delivery(
    *,
    actor: Actor,
    application: Application,
    notice_event_id: int,
    method: str,
    delivered_on: date,
    proof: str,
) -> ApplicationEvent:
    """Record how and when a notice (correction, extension, fee or reply) was served on the applicant,
    with its proof (a signed receipt, a tracking number, the e-mail's record…). Also after closing.
    The correction period and the fee's payment period count from the day the notice was served."""
    lock(application)
    require_act(actor, application.agency)
    check_record_delivery(application, compute_deadline(application))
    notice = application.events.filter(pk=notice_event_id, kind__in=NOTICE_EVENT_KINDS).first()
    if notice is None:
        raise ValidationError({"notice_event_id": "该告知书不属于本申请，或不是需要送达的告知书。"})
    if method not in NoticeDelivery.values:
        raise ValidationError({"method": "请选择送达方式。"})
    check_date(delivered_on, "delivered_on", "送达日期")
    not_before(delivered_on, notice.effective_on, "delivered_on", "送达日期", "告知书日期")
    proof = (proof or "").strip()
    if not proof:
        raise ValidationError({"proof": "请填写送达凭证，如签收回执、邮件单号或电子邮件发送记录。"})
    return record(
        application,
        kind=EventKind.DELIVERED,
        actor=actor,
        before=snapshot(application),
        effective_on=delivered_on,
        data={"notice_event": notice.pk, "notice_kind": notice.kind, "method": method, "proof": proof},
    )
