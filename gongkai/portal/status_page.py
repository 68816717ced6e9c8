"""What an applicant sees of their own application: its status and dates, the due date, the history
without staff names, and the notices sent to them (correction, extension, fee, reply) with their text."""

from __future__ import annotations

from typing import Any

from gongkai.applications import selectors
from gongkai.applications.deadlines import compute_deadline
from gongkai.applications.models import NOTICE_EVENT_KINDS, Application, EventKind, Status


def context_for(application: Application) -> dict[str, Any]:
    deadline = compute_deadline(application)
    notices = application.events.filter(kind__in=NOTICE_EVENT_KINDS).order_by("at", "id")
    submitted = application.events.filter(kind=EventKind.CORRECTION_SUBMITTED).order_by("-at", "-id").first()
    return {
        "application": application,
        "deadline": deadline,
        "progress": selectors.applicant_progress(application),
        "notices": list(notices),
        # 条例第三十条: the applicant may correct while the correction is awaited (staff may still
        # accept a late one with good reason, so the form stays until they decide), once.
        "correction_open": application.status == Status.AWAITING_CORRECTION and submitted is None,
        "correction_submitted": submitted if application.status == Status.AWAITING_CORRECTION else None,
    }
