"""Telling the applicant by e-mail: receipt, a correction request, an extension, a fee notice, the reply.

`services.events.record` calls `notify_applicant(event)` once the change has committed. The applicant also
sees every one of these on the status page, which reads the events; the e-mail is a courtesy on top,
sent only when the applicant gave an address. It is not the legal service of a notice (送达): staff
record that with `application_record_delivery`.

- Each e-mail concerns one application and goes to that application's own address only. The query code
  is not in it: only its digest is stored, and the applicant got the code at intake. The link leads to
  the status page, where number and code open the application.
- One e-mail per event, recorded in `core.Notification` (kept out of the application's events: an
  e-mail changes nothing in the application, and the deadline and statistics are computed from the
  events). The record is claimed before sending, so a repeated call sends nothing more.
- A failure to send never undoes the change it reports: it is logged and recorded as failed, and a
  later call for the same event tries again.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.utils import IntegrityError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from gongkai.applications.deadlines import compute_deadline
from gongkai.applications.models import Application, ApplicationEvent, EventKind, Result
from gongkai.core.models import Notification

logger = logging.getLogger(__name__)

# The event kinds the applicant is told of, and the template (…/emails/<name>_subject|body.txt) for each.
TEMPLATES: dict[str, str] = {
    EventKind.REGISTERED: "received",
    EventKind.SUBMITTED: "received",
    EventKind.RECEIPT_CONFIRMED: "received",
    EventKind.CORRECTION_REQUESTED: "correction_requested",
    EventKind.EXTENDED: "extended",
    EventKind.FEE_NOTIFIED: "fee_notified",
    EventKind.REPLY_SIGNED: "reply_signed",
}
# An intake is news only once the application is received (条例第三十一条).
INTAKE_KINDS = (EventKind.REGISTERED, EventKind.SUBMITTED)


def notify_applicant(event: ApplicationEvent) -> None:
    """E-mail the applicant about `event` if it is news for them and they gave an address. Inside a
    transaction the e-mail waits until it commits; a rollback sends nothing."""
    if event.kind not in TEMPLATES:
        return
    if event.kind in INTAKE_KINDS and event.effective_on is None:
        return
    if not event.application.email:
        return
    event_id = event.pk
    # Outside a transaction on_commit runs at once; robust: a crash here must not reach the caller.
    transaction.on_commit(lambda: send_notification(event_id), robust=True)


def status_url() -> str:
    return settings.SITE_URL + reverse("portal:status")


def render_notification(event: ApplicationEvent) -> tuple[str, str]:
    """The subject and body of the e-mail for `event`."""
    application = event.application
    deadline = compute_deadline(application)
    context: dict[str, Any] = {
        "application": application,
        "agency": application.agency,
        "event": event,
        "data": event.data,
        "deadline": deadline,
        "status_url": status_url(),
    }
    if event.kind == EventKind.REPLY_SIGNED:
        result = str(event.data.get("result", application.result))
        context["decision"] = Result(result).label if result in Result.values else ""
        context["notice_text"] = (event.data.get("notice") or {}).get("text", "")
    name = TEMPLATES[event.kind]
    subject = render_to_string(f"applications/emails/{name}_subject.txt", context)
    body = render_to_string(f"applications/emails/{name}_body.txt", context)
    return " ".join(subject.split()), body


def _claim(event: ApplicationEvent, recipient: str) -> Notification | None:
    """The event's notification record, taken for sending now; None when it was sent or is being sent."""
    try:
        with transaction.atomic():
            return Notification.objects.create(
                application=event.application, event=event, recipient=recipient, subject=""
            )
    except IntegrityError:
        # Sent before, or failed before: only a failed one is taken again (by one caller only).
        retaken = Notification.objects.filter(event=event, outcome=Notification.Outcome.FAILED).update(
            outcome=Notification.Outcome.PENDING, recipient=recipient, error=""
        )
        return Notification.objects.get(event=event) if retaken else None


def send_notification(event_id: int) -> Notification | None:
    """Send the e-mail for one event now and record the outcome. Returns the record, or None when
    there is nothing to send (no address, or sent already)."""
    event = ApplicationEvent.objects.select_related("application__agency").get(pk=event_id)
    application: Application = event.application
    if not application.email:
        return None
    notification = _claim(event, application.email)
    if notification is None:
        return None
    try:
        subject, body = render_notification(event)
        notification.subject = subject[:200]
        send_mail(subject, body, None, [application.email])
    except Exception as error:  # a mail server fails in many ways; each is recorded, none propagates
        logger.exception(
            "申请人通知发送失败：%s %s（事件 %s）", application.agency.code, application.number, event.pk
        )
        notification.outcome = Notification.Outcome.FAILED
        notification.error = f"{type(error).__name__}: {error}"[:2000]
    else:
        notification.outcome = Notification.Outcome.SENT
        notification.sent_at = timezone.now()
    notification.save(update_fields=["subject", "outcome", "error", "sent_at"])
    return notification
