"""Open, due-soon and overdue counts per body, for the workbench's home and a supervising office's
overview: one aggregate query for any number of bodies (never one query per body or per application).

Due-soon and overdue are derived from the stored due date as `deadlines.deadline_state` defines them
(条例第三十三条: 20 working days; due soon with at most 5 working days left), never stored."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from gongkai.agencies.models import Agency
from gongkai.applications.deadlines import due_soon_horizon
from gongkai.applications.models import Application, Status


@dataclass
class Counts:
    agency: Agency
    open: int = 0
    due_soon: int = 0
    overdue: int = 0


def counts_by_agency(agencies: Iterable[Agency], today: date) -> list[Counts]:
    """One line per body, in the order given, with its open applications counted."""
    agencies = list(agencies)
    horizon = due_soon_horizon(today)
    rows = (
        Application.objects.filter(agency__in=[a.pk for a in agencies])
        .exclude(status=Status.CLOSED)
        .values("agency_id")
        .annotate(
            open=Count("id"),
            overdue=Count("id", filter=Q(due_date__lt=today)),
            due_soon=Count("id", filter=Q(due_date__gte=today, due_date__lte=horizon)),
        )
    )
    by_agency = {row["agency_id"]: row for row in rows}
    lines = []
    for agency in agencies:
        row = by_agency.get(agency.pk)
        if row is None:
            lines.append(Counts(agency))
        else:
            lines.append(Counts(agency, open=row["open"], due_soon=row["due_soon"], overdue=row["overdue"]))
    return lines


def totals(lines: Iterable[Counts]) -> Counts:
    total = Counts(Agency(name="合计"))
    for line in lines:
        total.open += line.open
        total.due_soon += line.due_soon
        total.overdue += line.overdue
    return total
