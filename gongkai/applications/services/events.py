"""Every change of an application is one event with the state before and after; the application is saved
with its recomputed deadline, and the applicant told once the change has committed."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from gongkai.applications.models import Application, ApplicationEvent, Status
from gongkai.applications.notifications import notify_applicant
from gongkai.applications.services.due_dates import awaiting_staff, store_deadline

if TYPE_CHECKING:
    from gongkai.applications.services.base import Actor


def snapshot(application: Application) -> dict[str, Any]:
    def iso(value: date | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "status": application.status,
        "received_on": iso(application.received_on),
        "due_date": iso(application.due_date),
        "due_date_provisional": application.due_date_provisional,
        "closed_on": iso(application.closed_on),
        "result": application.result,
    }


def record(
    application: Application,
    *,
    kind: str,
    actor: Actor | None,
    before: dict[str, Any],
    effective_on: date | None = None,
    data: dict[str, Any] | None = None,
    note: str = "",
) -> ApplicationEvent:
    """Save the application with its recomputed deadline and append the event that changed it."""
    user = actor if actor is not None and actor.is_authenticated else None
    event = ApplicationEvent.objects.create(
        application=application,
        kind=kind,
        actor=user,
        effective_on=effective_on,
        data=data or {},
        before=before,
        note=note.strip(),
    )
    events = list(application.events.all())
    store_deadline(application, events)
    application.awaiting_staff = awaiting_staff(application, events)
    application.save()
    event.after = snapshot(application)
    ApplicationEvent.objects.filter(pk=event.pk).update(after=event.after)
    # notifications decides which events are news for the applicant and sends only once committed.
    notify_applicant(event)
    return event


def close(
    application: Application,
    *,
    actor: Actor,
    kind: str,
    on: date,
    result: str,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> Application:
    before = snapshot(application)
    application.status = Status.CLOSED
    application.closed_on = on
    application.result = result
    record(
        application,
        kind=kind,
        actor=actor,
        before=before,
        effective_on=on,
        data=data or {"result": result},
        note=note,
    )
    return application
