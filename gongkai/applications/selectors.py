"""Reading applications: the staff queue, one application for staff, one for its applicant."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import can_read
from gongkai.applications.deadlines import due_soon_horizon
from gongkai.applications.models import (
    NOTICE_EVENT_KINDS,
    Application,
    ApplicationEvent,
    Channel,
    EventKind,
    Status,
)
from gongkai.applications.numbering import query_code_matches
from gongkai.core.audit import audit_record

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    AnyUser = User | AnonymousUser

QUEUE_STATES = ("overdue", "due_soon", "ok")
# `status="open"` in the queue: every status but closed (an IN list, which the queue index serves).
OPEN = "open"
OPEN_STATUSES = [s for s in Status.values if s != Status.CLOSED]
PER_PAGE = 50

# What an applicant sees of the history: events that say what happened, never who did it.
PUBLIC_EVENT_LABELS = {
    EventKind.SUBMITTED: "提交申请",
    EventKind.REGISTERED: "登记申请",
    EventKind.RECEIPT_CONFIRMED: "确认收到申请",
    EventKind.CORRECTION_REQUESTED: "告知补正",
    EventKind.CORRECTION_SUBMITTED: "网上提交补正材料",
    EventKind.CORRECTION_RECEIVED: "收到补正材料",
    EventKind.CORRECTION_LAPSED: "逾期未补正，不再处理",
    EventKind.CONSULTATION_STARTED: "征求意见",
    EventKind.CONSULTATION_ENDED: "征求意见结束",
    EventKind.EXTENDED: "延期答复",
    EventKind.FEE_NOTIFIED: "发出收费通知",
    EventKind.FEE_PAID: "缴纳信息处理费",
    EventKind.FEE_LAPSED: "逾期未缴费，不再处理",
    EventKind.WITHDRAWN: "撤回申请",
    EventKind.REPLY_SIGNED: "作出答复",
}


def applications_queue(
    agencies: Iterable[Agency] | QuerySet[Agency],
    *,
    q: str | None = None,
    status: str | None = None,
    state: str | None = None,
    channel: str | None = None,
    year: int | None = None,
    today: date | None = None,
    page: int | str = 1,
    per_page: int = PER_PAGE,
) -> Page[Application]:
    """One page of the applications of `agencies`: open ones first, by due date (those without one
    after them), then closed ones. `q` searches the number, the applicant's name and the description;
    `status` is a `Status` or "open" (every status but closed); `state` is overdue, due_soon or ok (open
    applications only, as of `today`); `channel` a `Channel`; `year` the year of receipt.
    A page number out of range gives the last page."""
    applications = Application.objects.filter(agency__in=list(agencies)).select_related("agency")
    if q and q.strip():
        text = q.strip()
        applications = applications.filter(
            Q(number__icontains=text) | Q(applicant_name__icontains=text) | Q(description__icontains=text)
        )
    if status == OPEN:
        applications = applications.filter(status__in=OPEN_STATUSES)
    elif status:
        if status not in Status.values:
            raise ValidationError({"status": "未知的状态。"})
        applications = applications.filter(status=status)
    if state:
        if state not in QUEUE_STATES:
            raise ValidationError(
                {"state": "期限状态应为 overdue（已逾期）、due_soon（即将到期）或 ok（正常）。"}
            )
        today = today or timezone.localdate()
        horizon = due_soon_horizon(today)
        applications = applications.filter(status__in=OPEN_STATUSES).exclude(due_date=None)
        if state == "overdue":
            applications = applications.filter(due_date__lt=today)
        elif state == "due_soon":
            applications = applications.filter(due_date__gte=today, due_date__lte=horizon)
        else:
            applications = applications.filter(due_date__gt=horizon)
    if channel:
        if channel not in Channel.values:
            raise ValidationError({"channel": "未知的申请方式。"})
        applications = applications.filter(channel=channel)
    if year:
        applications = applications.filter(
            received_on__gte=date(year, 1, 1), received_on__lte=date(year, 12, 31)
        )
    if status or state:
        # One group only: the open-first key is constant, and leaving it out lets the database order a
        # large body's queue from its index instead of sorting every row.
        applications = applications.order_by(F("due_date").asc(nulls_last=True), "id")
    else:
        closed_last = Case(
            When(status=Status.CLOSED, then=Value(1)), default=Value(0), output_field=IntegerField()
        )
        applications = applications.order_by(closed_last.asc(), F("due_date").asc(nulls_last=True), "id")
    return Paginator(applications, per_page).get_page(page)


def get_application_for_staff(user: AnyUser, pk: int) -> Application:
    """The application `pk` for a user who may read its body's applications (its staff and head, a
    supervising office above it, an administrator). `Application.DoesNotExist` when there is none;
    `PermissionDenied`, logged, otherwise."""
    application = Application.objects.select_related("agency").get(pk=pk)
    if not can_read(user, application.agency):
        message = f"您无权查看{application.agency.name}的政府信息公开申请。"
        audit_record(
            action="application_read",
            actor=user,
            agency=application.agency,
            obj=application,
            message=message,
            refused=True,
        )
        raise PermissionDenied(message)
    return application


def get_application_for_applicant(number: str, query_code: str) -> Application | None:
    """The application with this number and query code, or None unless both match. Numbers repeat
    across bodies, so every application with the number is tried; digests compare in constant time."""
    number = (number or "").strip()
    if not number or not query_code:
        return None
    found = None
    for application in (
        Application.objects.filter(number=number).exclude(query_code="").select_related("agency")
    ):
        if query_code_matches(application.query_code, query_code):
            found = application
    return found


@dataclass(frozen=True)
class ProgressStep:
    date: date | None
    label: str


def applicant_progress(application: Application) -> list[ProgressStep]:
    """The history an applicant may see on the status page: what happened and when, without names."""
    steps = []
    for event in application.events.filter(kind__in=list(PUBLIC_EVENT_LABELS)).order_by("at", "id"):
        steps.append(
            ProgressStep(
                date=event.effective_on or timezone.localdate(event.at),
                label=PUBLIC_EVENT_LABELS[EventKind(event.kind)],
            )
        )
    return steps


def open_consultations(application: Application) -> list[ApplicationEvent]:
    """The consultations sent and not yet answered (their ids go to `application_end_consultation`)."""
    ended = {
        int(e.data.get("consultation", 0))
        for e in application.events.filter(kind=EventKind.CONSULTATION_ENDED)
    }
    started = application.events.filter(kind=EventKind.CONSULTATION_STARTED).order_by("at", "id")
    return [event for event in started if event.pk not in ended]


def latest_reply_draft(application: Application) -> ApplicationEvent | None:
    """The draft the head would sign now."""
    return application.events.filter(kind=EventKind.REPLY_DRAFTED).order_by("-at", "-id").first()


@dataclass(frozen=True)
class NoticeRecord:
    """A notice sent to the applicant and its recorded deliveries (送达)."""

    notice: ApplicationEvent
    deliveries: list[ApplicationEvent]


def notices_with_deliveries(application: Application) -> list[NoticeRecord]:
    """Every notice of the application (correction, extension, fee, reply) with its deliveries."""
    events = list(application.events.order_by("at", "id"))
    deliveries: dict[int, list[ApplicationEvent]] = {}
    for event in events:
        if event.kind == EventKind.DELIVERED:
            deliveries.setdefault(int(event.data.get("notice_event", 0)), []).append(event)
    return [
        NoticeRecord(notice=event, deliveries=deliveries.get(event.pk, []))
        for event in events
        if event.kind in NOTICE_EVENT_KINDS
    ]
