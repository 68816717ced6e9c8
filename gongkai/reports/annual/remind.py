"""`gongkai report remind [--date D] [--dry-run]`: for cron, daily — an e-mail to the staff and head of
each body whose report on last year is not yet published, 10 and 3 days before its deadline
(`deadlines.REMINDER_DAYS`; 条例第四十九条: departments and 乡镇/街道 by 31 January, a county government's
aggregated report by 20 February, a prefecture's by 10 March, a province's by 31 March).

A reminder is due from its day until the next one's (10 → days 10 to 4, 3 → days 3 to 0), so a day
cron missed is caught up the next day, and never after the deadline or once the report is published —
in Gongkai, or elsewhere and imported — nor for a body covered by another body's report, nor for a year
before the body began to make its reports in Gongkai (`Agency.reports_from`). Each body's
reminder is claimed (`AnnualReportReminder`, once per body, year and reminder) before it is sent: a
second run, the same day or later, sends nothing more; a failed send gives the claim back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.applications.remind import staff_recipients
from gongkai.core.cli import parse_date
from gongkai.core.reminders import deliver_claimed, summary
from gongkai.reports.annual.deadlines import REMINDER_DAYS, report_deadline
from gongkai.reports.models import (
    AnnualReport,
    AnnualReportReminder,
    AnnualReportVersion,
    CoveredBody,
    PublishedReport,
)

if TYPE_CHECKING:
    from gongkai.core.cli import GongkaiCommand

NO_RECIPIENTS = "无收件人（本机关工作人员均未登记电子邮箱）"


@dataclass
class ReportReminder:
    agency: Agency
    year: int
    deadline: date
    days_left: int
    days_before: int  # which reminder: one of REMINDER_DAYS
    state: str = ""  # its report's state in Gongkai ("" when not started)
    recipients: list[User] = field(default_factory=list)
    sent_today: bool = False  # claimed earlier today (a second run)

    @property
    def state_label(self) -> str:
        return str(AnnualReport.State(self.state).label) if self.state else "尚未开始编写"


def reminder_due(days_left: int) -> int | None:
    """Which reminder is due with `days_left` to the deadline: the nearest of REMINDER_DAYS not yet
    passed (10 from day 10, 3 from day 3 to the deadline day), or None."""
    if days_left < 0:
        return None
    due = [days for days in REMINDER_DAYS if days_left <= days]
    return min(due) if due else None


def report_reminders(today: date) -> list[ReportReminder]:
    """The reminders due on `today` for the reports on last year, body by body in tree order."""
    year = today.year - 1
    done = (
        set(AnnualReportVersion.objects.filter(report__year=year).values_list("report__agency_id", flat=True))
        | set(PublishedReport.objects.filter(year=year).values_list("agency_id", flat=True))
        | set(CoveredBody.objects.filter(year=year).values_list("agency_id", flat=True))
    )
    states = dict(AnnualReport.objects.filter(year=year).values_list("agency_id", "state"))
    claimed = {
        (agency_id, days): on
        for agency_id, days, on in AnnualReportReminder.objects.filter(year=year).values_list(
            "agency_id", "days_before", "date"
        )
    }
    reminders = []
    # A body that began to make its reports in Gongkai after `year` reported that year before: no reminder.
    bodies = Agency.objects.exclude(pk__in=done).filter(reports_from__lte=year).order_by("path")
    for agency in bodies:
        deadline = report_deadline(agency, year)
        days_left = (deadline - today).days
        due = reminder_due(days_left)
        if due is None:
            continue
        sent_on = claimed.get((agency.pk, due))
        if sent_on is not None and sent_on != today:
            continue  # sent on an earlier day: nothing more until the next reminder
        reminders.append(
            ReportReminder(
                agency, year, deadline, days_left, due, states.get(agency.pk, ""), sent_today=bool(sent_on)
            )
        )
    for reminder in reminders:
        reminder.recipients = staff_recipients(reminder.agency)
    return reminders


def render_reminder(reminder: ReportReminder, today: date) -> tuple[str, str]:
    context = {
        "reminder": reminder,
        "agency": reminder.agency,
        "today": today,
        "site_url": settings.SITE_URL,
        "workbench_url": settings.SITE_URL + reverse("workbench:home"),
    }
    subject = render_to_string("reports/emails/annual_reminder_subject.txt", context)
    body = render_to_string("reports/emails/annual_reminder_body.txt", context)
    return " ".join(subject.split()), body


def claim(reminder: ReportReminder, today: date) -> AnnualReportReminder | None:
    """Take this reminder of the body, or None when it was already taken."""
    try:
        with transaction.atomic():
            return AnnualReportReminder.objects.create(
                agency=reminder.agency,
                year=reminder.year,
                days_before=reminder.days_before,
                date=today,
                recipients=[user.email for user in reminder.recipients],
            )
    except IntegrityError:
        return None


def send(reminder: ReportReminder, today: date) -> None:
    subject, body = render_reminder(reminder, today)
    get_connection().send_messages(
        [EmailMessage(subject, body, to=[user.email]) for user in reminder.recipients]
    )


def run_remind(command: GongkaiCommand, options: dict[str, Any]) -> None:
    today = parse_date(options["date"]) if options.get("date") else timezone.localdate()
    dry_run = bool(options.get("dry_run"))
    reminders = report_reminders(today)
    counts = {"sent": 0, "already": 0, "no_recipients": 0, "failed": 0}
    for reminder in reminders:
        agency = reminder.agency
        what = (
            f"{reminder.year}年度报告{reminder.state_label}，截止 {reminder.deadline.isoformat()}"
            f"（{'今天截止' if reminder.days_left == 0 else f'还有 {reminder.days_left} 天'}）"
        )
        prefix = f"{agency.code}\t{agency.name}\t{what}"
        names = "、".join(user.username for user in reminder.recipients)
        if dry_run:
            counts["no_recipients"] += not reminder.recipients
            command.stdout.write(f"{prefix}\t{f'将发送给 {names}' if names else NO_RECIPIENTS}")
            continue
        log = None if reminder.sent_today else claim(reminder, today)
        if log is None:
            counts["already"] += 1
            command.stdout.write(f"{prefix}\t今日已发送过，跳过")
            continue
        if not reminder.recipients:
            # Claimed all the same: told once per reminder, not every day until the next one.
            counts["no_recipients"] += 1
            command.stdout.write(f"{prefix}\t{NO_RECIPIENTS}")
            continue
        deliver_claimed(
            log,
            partial(send, reminder, today),
            what=f"年度报告发布提醒 {agency.code}",
            line=prefix,
            names=names,
            counts=counts,
            write=command.stdout.write,
        )
    command.stdout.write(summary(today, "年度报告发布提醒", len(reminders), counts, dry_run=dry_run))
