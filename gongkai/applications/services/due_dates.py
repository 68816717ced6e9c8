"""What the services store on the application from its events: the deadline and whether staff must act."""

from __future__ import annotations

from gongkai.applications.deadlines import Deadline, compute_deadline
from gongkai.applications.models import Application, ApplicationEvent, EventKind, Status


def awaiting_staff(application: Application, events: list[ApplicationEvent]) -> bool:
    """Whether the applicant has acted and staff must now: confirm the receipt of an online application
    (条例第三十一条), or of a correction submitted online (条例第三十条)."""
    if application.status == Status.PENDING_RECEIPT:
        return True
    if application.status != Status.AWAITING_CORRECTION:
        return False
    corrections = [
        event.kind
        for event in events
        if event.kind
        in (EventKind.CORRECTION_REQUESTED, EventKind.CORRECTION_SUBMITTED, EventKind.CORRECTION_RECEIVED)
    ]
    return bool(corrections) and corrections[-1] == EventKind.CORRECTION_SUBMITTED


def store_deadline(application: Application, events: list[ApplicationEvent] | None = None) -> Deadline:
    deadline = compute_deadline(application, list(application.events.all()) if events is None else events)
    application.due_date = deadline.due_date
    application.due_date_provisional = deadline.provisional if deadline.due_date else False
    return deadline
