"""Withdrawal by the applicant: the application closes as 其他处理 (report row 三（六）3)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.utils import timezone

from gongkai.agencies.permissions import require_act
from gongkai.applications.deadlines import compute_deadline
from gongkai.applications.models import Application, EventKind, Result
from gongkai.applications.services.base import check_date, lock, not_before, service
from gongkai.applications.services.checks import check_withdraw
from gongkai.applications.services.events import close

if TYPE_CHECKING:
    from gongkai.applications.services.base import Actor


@service("application_withdraw")
def application_withdraw(
    *, actor: Actor, application: Application, withdrawn_on: date, note: str = ""
) -> Application:
    """Record that the applicant withdrew the application; it closes as 其他处理 (row 三（六）3)."""
    lock(application)
    require_act(actor, application.agency)
    check_withdraw(application, compute_deadline(application))
    check_date(withdrawn_on, "withdrawn_on", "撤回日期")
    floor = application.received_on or (
        timezone.localdate(application.submitted_at) if application.submitted_at else None
    )
    not_before(withdrawn_on, floor, "withdrawn_on", "撤回日期", "收到申请日期")
    return close(
        application,
        actor=actor,
        kind=EventKind.WITHDRAWN,
        on=withdrawn_on,
        result=Result.OTHER_OTHER,
        note=note,
    )
