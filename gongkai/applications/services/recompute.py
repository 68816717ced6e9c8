"""Recomputing the stored deadlines of open applications after the calendar changes."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction

from gongkai.applications.deadlines import compute_deadline
from gongkai.applications.models import Application, ApplicationEvent, EventKind, Status
from gongkai.applications.services.events import snapshot
from gongkai.workdays.calendar import current_calendar

if TYPE_CHECKING:
    from gongkai.applications.services.base import Actor


RECOMPUTE_CHUNK = 500


def application_recompute_open_due_dates(*, year: int | None = None, actor: Actor | None = None) -> int:
    """Recompute the stored deadline of every open application (after an administrator changes the
    calendar); with `year`, only those whose reply period runs through that year. Writes an event for
    each application whose due date or provisional mark changed, and returns how many changed."""
    open_ones = Application.objects.exclude(status=Status.CLOSED).exclude(received_on=None)
    if year is not None:
        # A period (receipt, due date] touches `year` when it starts before its end and ends in or after it.
        open_ones = open_ones.filter(received_on__lte=date(year, 12, 31), due_date__gte=date(year, 1, 1))
    changed = 0
    calendar = current_calendar()  # one snapshot for all: no version check per application
    with transaction.atomic():
        batch: list[Application] = []
        events: list[ApplicationEvent] = []
        user = actor if actor is not None and actor.is_authenticated else None
        for application in (
            open_ones.order_by("pk").prefetch_related("events").iterator(chunk_size=RECOMPUTE_CHUNK)
        ):
            before = snapshot(application)
            deadline = compute_deadline(application, calendar=calendar)
            provisional = deadline.provisional if deadline.due_date else False
            if (deadline.due_date, provisional) == (application.due_date, application.due_date_provisional):
                continue
            application.due_date = deadline.due_date
            application.due_date_provisional = provisional
            batch.append(application)
            events.append(
                ApplicationEvent(
                    application=application,
                    kind=EventKind.DUE_DATE_RECOMPUTED,
                    actor=user,
                    before=before,
                    after=snapshot(application),
                    data={"year": year},
                    note="节假日安排变更，重新计算答复期限",
                )
            )
            if len(batch) >= RECOMPUTE_CHUNK:
                changed += _flush(batch, events)
        changed += _flush(batch, events)
    return changed


def _flush(batch: list[Application], events: list[ApplicationEvent]) -> int:
    count = len(batch)
    if count:
        Application.objects.bulk_update(batch, ["due_date", "due_date_provisional"])
        ApplicationEvent.objects.bulk_create(events)
    batch.clear()
    events.clear()
    return count
