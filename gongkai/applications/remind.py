"""`gongkai applications remind [--date D] [--dry-run]`: the daily e-mail to each body's staff listing
its applications that are overdue or due within 5 working days (条例第三十三条: reply within 20 working
days). Meant for cron, and safe to run twice: each body's reminder for a day is claimed in
`ReminderLog` (unique per body and day) before it is sent, so a second run, or a run in parallel,
sends nothing more. A failed send gives the claim back, so the next run tries again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse

from gongkai.agencies.models import Agency, Membership
from gongkai.applications.deadlines import deadline_state, due_soon_horizon
from gongkai.applications.models import Application, Status
from gongkai.core.models import ReminderLog
from gongkai.workdays.calendar import workdays_between

if TYPE_CHECKING:
    pass


@dataclass
class Line:
    """One application in a reminder, with its working days left (negative when overdue)."""

    application: Application
    state: str
    workdays_left: int

    @property
    def overdue_by(self) -> int:
        return -self.workdays_left


@dataclass
class Reminder:
    agency: Agency
    overdue: list[Line] = field(default_factory=list)
    due_soon: list[Line] = field(default_factory=list)
    recipients: list[User] = field(default_factory=list)


def signed_workdays(today: date, due: date) -> int:
    """Working days from today to the due date; negative once the due date has passed."""
    if due >= today:
        return workdays_between(today, due)
    return -workdays_between(due, today)


def reminders_for(today: date) -> list[Reminder]:
    """Every body with an open application that is overdue or due soon on `today`, with its staff."""
    # Range, not equality: a day cron missed must not drop an application from the list.
    horizon = due_soon_horizon(today)
    candidates = (
        Application.objects.exclude(status=Status.CLOSED)
        .filter(due_date__isnull=False, due_date__lte=horizon)
        .select_related("agency")
        .order_by("agency__path", "due_date", "id")
    )
    by_agency: dict[int, Reminder] = {}
    for application in candidates:
        assert application.due_date is not None
        # Every candidate is overdue or due soon: the query took due dates up to the horizon.
        state = deadline_state(application.due_date, today, horizon)
        assert state is not None
        reminder = by_agency.setdefault(application.agency_id, Reminder(agency=application.agency))
        line = Line(application, state, signed_workdays(today, application.due_date))
        (reminder.overdue if state == "overdue" else reminder.due_soon).append(line)
    for reminder in by_agency.values():
        reminder.recipients = staff_recipients(reminder.agency)
    return list(by_agency.values())


def staff_recipients(agency: Agency) -> list[User]:
    """The body's staff and head with an e-mail address: the people who must act on its applications."""
    return list(
        User.objects.filter(
            is_active=True,
            memberships__agency=agency,
            memberships__role__in=[Membership.Role.STAFF, Membership.Role.HEAD],
        )
        .exclude(email="")
        .distinct()
        .order_by("username")
    )


def render_reminder(reminder: Reminder, today: date) -> tuple[str, str]:
    context = {
        "agency": reminder.agency,
        "today": today,
        "overdue": reminder.overdue,
        "due_soon": reminder.due_soon,
        "site_url": settings.SITE_URL,
        "queue_url": settings.SITE_URL + reverse("workbench:queue", args=[reminder.agency.code]),
    }
    subject = render_to_string("applications/emails/staff_reminder_subject.txt", context)
    body = render_to_string("applications/emails/staff_reminder_body.txt", context)
    return " ".join(subject.split()), body


def claim(reminder: Reminder, today: date) -> ReminderLog | None:
    """Take the day's reminder for this body, or None when it was already taken (sent earlier)."""
    try:
        with transaction.atomic():
            return ReminderLog.objects.create(
                agency=reminder.agency,
                date=today,
                recipients=[user.email for user in reminder.recipients],
                overdue=len(reminder.overdue),
                due_soon=len(reminder.due_soon),
            )
    except IntegrityError:
        return None


def send(reminder: Reminder, today: date) -> None:
    subject, body = render_reminder(reminder, today)
    messages = [EmailMessage(subject, body, to=[user.email]) for user in reminder.recipients]
    get_connection().send_messages(messages)
