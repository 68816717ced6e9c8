"""Reading applications: the staff queue, one application for staff, one for its applicant."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property, reduce
from operator import or_
from typing import TYPE_CHECKING, overload

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import require_read_applications, require_role
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
from gongkai.search import application_index

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    AnyUser = User | AnonymousUser

QUEUE_STATES = ("overdue", "due_soon", "ok")
# `status="open"` in the queue: every status but closed.
OPEN = "open"
PER_PAGE = 50

# The queue's order is open before closed, then by due date (none last), then id. As one ORDER BY
# ("open first" as a CASE, NULLS LAST) it makes both databases sort every row of the body; so the
# queue is read as consecutive segments that an index returns already in (due date, id) order:
# `application_open_queue` for the open applications, `application_queue` for one status or the
# closed ones (`application_channel` when a channel is chosen). The due date is set throughout a
# segment or null throughout, so (due date, id) orders each one.
IS_OPEN = ~Q(status=Status.CLOSED)  # NOT (status = 'closed'): the open index's condition, word for word
IS_CLOSED = Q(status=Status.CLOSED)
# The applicant has acted, staff must now (confirm receipt, confirm a correction): first of the open ones.
AWAITING = Q(awaiting_staff=True)
NOT_AWAITING = Q(awaiting_staff=False)
DATED = Q(due_date__isnull=False)
UNDATED = Q(due_date__isnull=True)  # awaiting receipt, or the clock is paused
SEGMENT_ORDER = ("due_date", "id")
BACKWARDS = ("-due_date", "-id")


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
    after them), then closed ones. `q` searches the number, the applicant's name and the description
    (every term, separated by spaces, a substring of one of them, as the search of published items);
    `status` is a `Status` or "open" (every status but closed); `state` is overdue, due_soon or ok (open
    applications only, as of `today`); `channel` a `Channel`; `year` the year of receipt.
    A page number out of range gives the last page."""
    agency_ids = [agency.pk for agency in agencies]
    rows = Application.objects.filter(agency_id__in=agency_ids)
    text = (q or "").strip()
    if text:
        # The search index of the number, applicant and description (gongkai.search.application_index).
        matching = application_index.matching_ids(text, agency_ids)
        if matching is not None:
            rows = rows.filter(id__in=RawSQL(*matching))  # noqa: S611 (placeholders only)
    if channel:
        if channel not in Channel.values:
            raise ValidationError({"channel": "未知的申请方式。"})
        rows = rows.filter(channel=channel)
    if year:
        rows = rows.filter(received_on__gte=date(year, 1, 1), received_on__lte=date(year, 12, 31))
    if status and status != OPEN and status not in Status.values:
        raise ValidationError({"status": "未知的状态。"})
    # Open applications awaiting staff first (the applicant has acted), then the other open ones by due date.
    open_groups = [IS_OPEN & AWAITING, IS_OPEN & NOT_AWAITING]
    groups = (
        [*open_groups, IS_CLOSED] if not status else open_groups if status == OPEN else [Q(status=status)]
    )
    parts = [DATED, UNDATED]
    if state:
        if state not in QUEUE_STATES:
            raise ValidationError(
                {"state": "期限状态应为 overdue（已逾期）、due_soon（即将到期）或 ok（正常）。"}
            )
        # Overdue and due soon are derived from the stored due date (条例第三十三条), never stored: only
        # open applications whose clock runs have one.
        groups = [] if status == Status.CLOSED else [IS_OPEN] if status in (None, OPEN) else groups
        parts = [_due_range(state, today or timezone.localdate())]
    awaiting_first = bool(groups) and groups[0] is open_groups[0]
    return Paginator(
        QueueRows(rows, groups, parts, search=bool(text), awaiting_first=awaiting_first), per_page
    ).get_page(page)


def _due_range(state: str, today: date) -> Q:
    """The due dates of the deadline state `state` on `today` (as `deadlines.deadline_state`)."""
    if state == "overdue":
        return Q(due_date__lt=today)
    horizon = due_soon_horizon(today)
    if state == "due_soon":
        return Q(due_date__gte=today, due_date__lte=horizon)
    return Q(due_date__gt=horizon)


class QueueRows(Sequence[Application]):
    """The queue as one sequence for Django's `Paginator`: one segment per group (open, closed, or
    one status) and part (with a due date, without one, or a range of due dates), in that order.

    Counted in one query (from an index alone where the filters allow it); sliced by reading the ids
    of the page from each segment it touches, in index order, then the page's rows by id. A slice
    nearer a segment's end is read backwards from that end, so the last page costs what the first
    does. A search is read differently (`matched`)."""

    def __init__(
        self,
        rows: QuerySet[Application],
        groups: list[Q],
        parts: list[Q],
        *,
        search: bool,
        awaiting_first: bool = False,
    ) -> None:
        self.groups = groups
        self.awaiting_first = awaiting_first  # groups[0] holds the open applications awaiting staff
        # The queue's whole filter, then for each segment only what tells it from the others.
        if not groups:
            rows = rows.none()
        elif len(groups) == 1:
            rows = rows.filter(groups[0])
        # What the groups hold together (a search reads it at once): the open ones, or everything.
        self.scope = reduce(or_, groups) if len(groups) > 1 else Q()
        if len(parts) == 1:
            rows = rows.filter(parts[0])
        self.rows = rows
        self.search = search
        self.conditions = [
            (group if len(groups) > 1 else Q()) & (part if len(parts) > 1 else Q())
            for group in groups
            for part in parts
        ]

    @cached_property
    def matched(self) -> list[int] | None:
        """A search's matching ids in queue order (None when this is no search): the index gives the
        matching ids; their keys are read once, rather than once to count and again for the page, and
        sorted here."""
        if not self.search:
            return None
        keys = (
            self.rows.filter(self.scope)
            .order_by("id")
            .values_list("id", "status", "due_date", "awaiting_staff")
        )
        return [key[0] for key in sorted(keys, key=_queue_key)]

    @cached_property
    def sizes(self) -> list[int]:
        if len(self.conditions) <= 1:
            return [self.rows.count()] if self.conditions else []
        counts = self.rows.aggregate(
            **{f"s{i}": Count("id", filter=condition) for i, condition in enumerate(self.conditions)}
        )
        return [counts[f"s{i}"] for i in range(len(self.conditions))]

    @property
    def awaiting(self) -> int:
        """How many of the listed applications await staff (the open ones' first group)."""
        if not self.awaiting_first or self.matched is not None:
            return 0
        return sum(self.sizes[: len(self.conditions) // len(self.groups)])  # the first group's segments

    def __len__(self) -> int:  # the Paginator's count
        if self.matched is not None:
            return len(self.matched)
        return sum(self.sizes)

    def __iter__(self) -> Iterator[Application]:
        return iter(self[0 : len(self)])

    @overload
    def __getitem__(self, index: int) -> Application: ...

    @overload
    def __getitem__(self, index: slice) -> list[Application]: ...

    def __getitem__(self, index: int | slice) -> Application | list[Application]:
        if isinstance(index, int):
            found = self[index : index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        start, stop, step = index.indices(len(self))
        if step != 1:
            raise ValueError("申请列表只能按连续的区间读取。")
        if self.matched is not None:
            ids = self.matched[start:stop]
        else:
            ids = []
            first = 0  # the position in the queue of the segment's first row
            for condition, size in zip(self.conditions, self.sizes, strict=True):
                begin, end = max(start - first, 0), min(stop - first, size)
                if begin < end:
                    ids += _segment_ids(self.rows.filter(condition), begin, end, size)
                first += size
        rows = Application.objects.select_related("agency").order_by().in_bulk(ids)
        return [rows[pk] for pk in ids if pk in rows]  # one deleted meanwhile is left out


def _segment_ids(segment: QuerySet[Application], begin: int, end: int, size: int) -> list[int]:
    """The ids of rows `begin`..`end` of a segment of `size` rows, in queue order."""
    ids = segment.values_list("id", flat=True)
    if begin <= size - end:
        return list(ids.order_by(*SEGMENT_ORDER)[begin:end])
    backwards = list(ids.order_by(*BACKWARDS)[size - end : size - begin])
    backwards.reverse()
    return backwards


def _queue_key(key: tuple[int, str, date | None, bool]) -> tuple[bool, bool, bool, date, int]:
    """The queue's order for (id, status, due date, awaiting staff): open first, those awaiting staff
    first among them, by due date, none last, then id."""
    pk, status, due_date, awaiting = key
    return (status == Status.CLOSED, not awaiting, due_date is None, due_date or date.min, pk)


def get_application_for_staff(user: AnyUser, pk: int) -> Application:
    """The application `pk` for a user who may read its body's applications (its staff and head, a
    supervising office above it, an administrator). `Application.DoesNotExist` when there is none;
    `PermissionDenied`, logged, otherwise."""
    application = Application.objects.select_related("agency").get(pk=pk)
    require_role(
        user, application.agency, require_read_applications, action="application_read", obj=application
    )
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


def original_description(application: Application) -> str:
    """The request as first made, when a correction (条例第三十条) has replaced it since; else ""."""
    for event in application.events.filter(
        kind__in=[EventKind.CORRECTION_SUBMITTED, EventKind.CORRECTION_RECEIVED]
    ).order_by("at", "id"):
        if previous := event.data.get("previous_description"):
            return str(previous) if previous != application.description else ""
    return ""


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
