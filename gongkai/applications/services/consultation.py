"""Consultation of a third party or another body (条例第三十二条, 第三十四条)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError

from gongkai.agencies.permissions import require_act
from gongkai.applications.deadlines import compute_deadline
from gongkai.applications.models import Application, ApplicationEvent, ConsultationKind, EventKind, Status
from gongkai.applications.selectors import open_consultations
from gongkai.applications.services.base import check_date, lock, not_before, service
from gongkai.applications.services.checks import check_end_consultation, check_start_consultation
from gongkai.applications.services.events import record, snapshot

if TYPE_CHECKING:
    from gongkai.applications.services.base import Actor


CONSULTATION_OUTCOMES = {"agreed": "同意公开", "objected": "不同意公开", "no_answer": "逾期未答复"}


@service("application_start_consultation")
def application_start_consultation(
    *,
    actor: Actor,
    application: Application,
    sent_on: date,
    party: str,
    kind: str = ConsultationKind.THIRD_PARTY,
    note: str = "",
) -> ApplicationEvent:
    """Send a consultation to a third party (第三十二条) or to a body that made the information jointly
    (第三十四条). The party has 15 working days to answer; the time until it answers, or until those
    days run out, is not counted in the reply period (第三十三条第三款). Returns the consultation's
    event, whose id `application_end_consultation` takes."""
    lock(application)
    require_act(actor, application.agency)
    deadline = compute_deadline(application)
    check_start_consultation(application, deadline)
    check_date(sent_on, "sent_on", "发出征求意见日期")
    not_before(sent_on, deadline.clock_start, "sent_on", "发出征求意见日期", "答复期限起算日")
    if kind not in ConsultationKind.values:
        raise ValidationError({"kind": "征求意见的对象应为第三方或其他机关。"})
    party = (party or "").strip()
    if not party:
        raise ValidationError({"party": "请填写征求意见的对象。"})
    before = snapshot(application)
    application.status = Status.CONSULTING
    return record(
        application,
        kind=EventKind.CONSULTATION_STARTED,
        actor=actor,
        before=before,
        effective_on=sent_on,
        data={"party": party, "kind": kind},
        note=note,
    )


@service("application_end_consultation")
def application_end_consultation(
    *,
    actor: Actor,
    application: Application,
    answered_on: date,
    outcome: str,
    consultation_id: int | None = None,
    opinion: str = "",
) -> Application:
    """Record the answer to a consultation (`outcome`: agreed, objected, or no_answer when the 15
    working days passed without one — under 第三十四条 silence counts as consent). The reply period
    runs again from `answered_on`. `consultation_id` may be left out when only one is open."""
    lock(application)
    require_act(actor, application.agency)
    check_end_consultation(application, compute_deadline(application))
    open_ones = open_consultations(application)
    if consultation_id is None:
        if len(open_ones) != 1:
            raise ValidationError({"consultation_id": "有多项征求意见尚未结束，请指明是哪一项。"})
        consultation = open_ones[0]
    else:
        found = [e for e in open_ones if e.pk == consultation_id]
        if not found:
            raise ValidationError({"consultation_id": "该项征求意见不存在或已经结束。"})
        consultation = found[0]
    check_date(answered_on, "answered_on", "收到意见日期")
    not_before(answered_on, consultation.effective_on, "answered_on", "收到意见日期", "发出征求意见日期")
    if outcome not in CONSULTATION_OUTCOMES:
        raise ValidationError({"outcome": "征求意见结果应为同意公开、不同意公开或逾期未答复。"})
    before = snapshot(application)
    if len(open_ones) == 1:
        application.status = Status.IN_PROGRESS
    record(
        application,
        kind=EventKind.CONSULTATION_ENDED,
        actor=actor,
        before=before,
        effective_on=answered_on,
        data={"consultation": consultation.pk, "outcome": outcome, "opinion": opinion.strip()},
    )
    return application
