"""The key figures of every body of a region counted from its records at once, for the supervision
dashboard (`dashboard`): tables 三 and 四's key cells as `reports.counts` counts them, in two queries
whatever the number of bodies, and their sum for a government whose members have not published."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import Count

from gongkai.agencies.models import Agency
from gongkai.appeals.models import AppealCase
from gongkai.applications.models import Application
from gongkai.reports import formats
from gongkai.reports.annual.figures import Number
from gongkai.reports.selectors import KeyFigures


def _per_body_counts_sql(n_bodies: int, n_results: int) -> str:
    """One row per body with four counts, each a subquery without GROUP BY: the database reads each
    body's rows through the index that fits the filter (an index-only scan of `application_received` or
    `application_closed`), where a grouped count over all the bodies reads their whole rows. Written as
    SQL (the same on SQLite and PostgreSQL): Django's compiling four correlated subqueries cost more than
    the database's counting them."""
    table = Application._meta.db_table
    types = ", ".join(["%s"] * len(formats.APPLICANT_COLUMNS))
    results = ", ".join(["%s"] * n_results)
    bodies = ", ".join(["%s"] * n_bodies)

    def count(where: str) -> str:
        # COUNT(*), not COUNT(id): the id is in no index of ours, so counting it would read the rows.
        return (
            f"(SELECT COUNT(*) FROM {table} u WHERE u.agency_id = a.id"  # noqa: S608 (constant names)
            f" AND u.applicant_type IN ({types}) AND {where})"
        )

    received = "u.received_on >= %s AND u.received_on <= %s"
    closed = "u.closed_on >= %s AND u.closed_on <= %s AND u.received_on <= %s"
    # Open at the year's end: received by then, and not closed with a result by then (counts.py's rule).
    open_at_end = "u.received_on <= %s AND (u.closed_on > %s OR u.closed_on IS NULL OR u.result = '')"
    counts = [
        count(received),
        count(f"{closed} AND u.result IN ({results})"),
        count(f"{closed} AND u.result = %s"),
        count(open_at_end),
    ]
    return (
        f"SELECT a.id, {', '.join(counts)}"  # noqa: S608 (constant names; every value is a parameter)
        f" FROM {Agency._meta.db_table} a WHERE a.id IN ({bodies})"
    )


def live_key_figures(agency_ids: Sequence[int], year: int) -> dict[int, KeyFigures]:
    """The key figures of each body's own records on `year` (tables 三 and 四 as `reports.counts` counts
    them: new in the year of receipt, results in the year closed, carried over when open at the year's
    end; cases in the year filed, the reconsideration body as co-defendant not counting), each body alone.
    Two queries, whatever the number of bodies, each counting body by body through an index."""
    if formats.format_for_year(year) == formats.FORMAT_2008 or not agency_ids:
        return {}
    fmt = formats.format_for_year(year)
    start, end = date(year, 1, 1), date(year, 12, 31)
    ids = list(agency_ids)
    results = sorted({*formats.result_rows(fmt), "other_no_correction", "other_fee_unpaid", "other_other"})
    types = list(formats.APPLICANT_COLUMNS)
    params: list[Any] = [
        *types, start, end,
        *types, start, end, end, *results,
        *types, start, end, end, "disclosed",
        *types, end, end,
        *ids,
    ]  # fmt: skip
    figures: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    with connection.cursor() as cursor:
        cursor.execute(_per_body_counts_sql(len(ids), len(results)), params)
        for pk, *counts in cursor.fetchall():
            for name, n in zip(
                ("new_received", "results_total", "disclosed", "carried_out"), counts, strict=True
            ):
                figures[name][pk] = n

    cases = (
        AppealCase.objects.filter(agency__in=ids, filed_on__gte=start, filed_on__lte=end, co_defendant=False)
        .values("agency_id", "kind")
        .annotate(n=Count("pk"))
    )
    for case in cases:
        figures[case["kind"]][case["agency_id"]] += case["n"]

    return {
        agency_id: KeyFigures(
            new_received=figures["new_received"][agency_id],
            results_total=figures["results_total"][agency_id],
            carried_out=figures["carried_out"][agency_id],
            reconsideration=figures["reconsideration"][agency_id],
            litigation=figures["litigation_direct"][agency_id]
            + figures["litigation_after_reconsideration"][agency_id],
            disclosed=figures["disclosed"][agency_id],
        )
        for agency_id in ids
    }


def add_figures(parts: Iterable[KeyFigures | None]) -> KeyFigures | None:
    """The sum of key figures; a blank part leaves that figure blank (never a silent 0)."""
    parts = list(parts)
    if not parts or any(part is None for part in parts):
        return None

    def total(name: str) -> Number | None:
        values = [getattr(part, name) for part in parts]
        return None if any(v is None for v in values) else sum(v for v in values if v is not None)

    names = ("new_received", "results_total", "carried_out", "reconsideration", "litigation", "disclosed")
    return KeyFigures(*(total(name) for name in names))
