"""Extension of the reply period, once, with the head's consent (条例第三十三条第二款)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError

from gongkai.agencies.permissions import require_act, require_head
from gongkai.applications.deadlines import compute_deadline, regime_for
from gongkai.applications.models import Application, EventKind
from gongkai.applications.services.base import check_date, lock, not_before, refuse, service
from gongkai.applications.services.checks import check_extend
from gongkai.applications.services.events import record, snapshot

if TYPE_CHECKING:
    from gongkai.applications.services.base import Actor


@service("application_extend")
def application_extend(
    *,
    actor: Actor,
    application: Application,
    workdays: int,
    approved_on: date,
    notified_on: date,
    reason: str,
) -> Application:
    """Extend the reply period once, by at most 20 working days (15 under the 2007 条例), with the
    consent of the head of the disclosure office (the actor), notified to the applicant on
    `notified_on` — on or before the due date it extends (条例第三十三条第二款)."""
    lock(application)
    require_act(actor, application.agency)
    require_head(actor, application.agency)
    deadline = compute_deadline(application)
    check_extend(application, deadline)
    assert application.received_on is not None
    regime = regime_for(application.received_on)
    if (
        isinstance(workdays, bool)
        or not isinstance(workdays, int)
        or not 1 <= workdays <= regime.max_extension_workdays
    ):
        raise ValidationError(
            {
                "workdays": f"延长的期限应为1至{regime.max_extension_workdays}个工作日（{regime.reply_article}）。"
            }
        )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "请写明延期的理由。"})
    check_date(approved_on, "approved_on", "负责人同意日期")
    check_date(notified_on, "notified_on", "告知申请人日期")
    not_before(approved_on, deadline.clock_start, "approved_on", "负责人同意日期", "答复期限起算日")
    not_before(notified_on, approved_on, "notified_on", "告知申请人日期", "负责人同意日期")
    if deadline.due_date is not None and notified_on > deadline.due_date:
        raise refuse(
            f"延期须在答复期限（{deadline.due_date.isoformat()}）届满前告知申请人（条例第三十三条），"
            f"{notified_on.isoformat()} 告知已经逾期。"
        )
    before = snapshot(application)
    record(
        application,
        kind=EventKind.EXTENDED,
        actor=actor,
        before=before,
        effective_on=notified_on,
        data={"workdays": workdays, "approved_on": approved_on.isoformat(), "reason": reason},
    )
    return application
