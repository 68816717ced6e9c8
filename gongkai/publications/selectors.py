"""Reading items: the public catalog and pages (published items only), and the staff's lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.publications.catalog import subtree_filter
from gongkai.publications.models import (
    Category,
    Channel,
    Publication,
    Status,
)
from gongkai.publications.timeliness import is_late
from gongkai.workdays.calendar import current_calendar

PER_PAGE = 20


def published(agency: Agency | None = None) -> QuerySet[Publication]:
    items = Publication.objects.filter(status=Status.PUBLISHED)
    if agency is not None:
        items = items.filter(agency=agency)
    # Lists never show the body (up to two million characters): it is not read.
    return items.select_related("agency").defer("body").order_by("-published_on", "-index_number")


def category_page(category: Category, page: int | str) -> Page[Publication]:
    """A category's published items (its sub-categories' too), newest first."""
    items = published(category.agency).filter(subtree_filter(category))
    return Paginator(items, PER_PAGE).get_page(page)


def published_item(code: str, serial: str) -> Publication:
    """The published item at /disclosure/<code>/<serial>/, or 404 (drafts and withdrawn items are not public).
    Found by its index number "<code>/<serial>" (unique, indexed)."""
    item = (
        Publication.objects.select_related(
            "agency", "category", "successor", "interprets", "interprets__agency"
        )
        .filter(index_number=f"{code}/{serial}", status=Status.PUBLISHED)
        .order_by()  # one row at most: no sort (the model's ordering made SQLite plan the joins badly)
        .first()
    )
    if item is None:
        raise Http404("没有这条信息，或该信息已撤回。")
    return item


def linked(items: QuerySet[Publication]) -> list[Publication]:
    """The published ones of a few linked items (interpretations, predecessors), newest first. Unordered in
    SQL: with the model's ordering SQLite walks the whole table instead of the link's index."""
    found = list(items.filter(status=Status.PUBLISHED).select_related("agency").order_by())
    return sorted(found, key=lambda p: (p.published_on or date.min, p.index_number or ""), reverse=True)


def category_trail(category: Category | None) -> list[Category]:
    """The category and those above it, from the top."""
    if category is None:
        return []
    ids = category.ancestor_ids()
    found = Category.objects.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


@dataclass
class YearCounts:
    """A body's items published in a year, by category and by channel (an item on several channels counts
    once in the total and once on each channel), and those published late (条例第二十六条)."""

    year: int
    total: int
    by_category: list[tuple[str, int]]
    by_channel: list[tuple[str, int]]
    late: int


def year_counts(agency: Agency, year: int, today: date) -> YearCounts:
    items = Publication.objects.filter(
        Q(status=Status.PUBLISHED) | Q(status=Status.WITHDRAWN),
        agency=agency,
        published_on__year=year,
    )
    by_category = list(
        items.values("category__name")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("category__name", "n")
    )
    channel_counts = dict.fromkeys(Channel.values, 0)
    calendar = current_calendar()
    late = 0
    for item in items.only("channels", "made_on", "changed_on", "published_on"):
        for channel in item.channels or []:
            if channel in channel_counts:
                channel_counts[channel] += 1
        late += is_late(item, today, calendar)
    return YearCounts(
        year=year,
        total=items.count(),
        by_category=[(name or "（未归入目录）", n) for name, n in by_category],
        by_channel=[(Channel(c).label, n) for c, n in channel_counts.items()],
        late=late,
    )


PENDING = (Status.DRAFT, Status.SUBMITTED, Status.REVIEWED, Status.RETURNED)


def late_pending(agency: Agency, today: date) -> list[int]:
    """Ids of the body's items not yet published and already past their deadline (条例第二十六条: 20 working
    days from being made or changed), oldest deadline first."""
    calendar = current_calendar()
    items = Publication.objects.filter(agency=agency, status__in=PENDING).only(
        "made_on", "changed_on", "published_on"
    )
    return [item.pk for item in items if is_late(item, today, calendar)]


def publication_counts(agency: Agency, today: date | None = None) -> dict[str, int]:
    """Items of the body waiting at each step of the review, and those not yet published past their deadline
    (条例第二十六条), for the workbench's home page."""
    counts = dict(
        Publication.objects.filter(
            agency=agency, status__in=[Status.SUBMITTED, Status.REVIEWED, Status.RETURNED]
        )
        .values("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    found: dict[str, int] = {
        str(status): counts.get(status, 0) for status in (Status.SUBMITTED, Status.REVIEWED, Status.RETURNED)
    }
    return {**found, "late": len(late_pending(agency, today or timezone.localdate()))}
