"""Tables 三 and 四 of the annual report, counted from the records (DESIGN.md, counting rules).

Table 三: an application counts in 一 in the year of its receipt; in the result rows in the year it is
closed; in 二 when received before the year and still open at its start; in 四 when open at the year's
end. Applications not yet received (online, receipt unconfirmed) count nowhere. Because every received
application is, on any day, either open or closed with exactly one result, 一 + 二 = 三（七） + 四 holds
by construction.

Table 四: a case counts in the year it was filed, with its outcome as known on 31 December; a case the
body is in only as the reconsideration body sued as co-defendant is counted by the original body alone.

Every figure is one GROUP BY query; nothing is counted row by row in Python.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, Subquery

from gongkai.appeals.models import AppealCase, AppealDecision, Outcome
from gongkai.applications.models import Application
from gongkai.reports.formats import (
    APPEAL_OUTCOMES,
    APPEAL_ROWS,
    APPLICANT_COLUMNS,
    FORMAT_2008,
    FORMAT_2019,
    format_for_year,
    request_rows,
    result_rows,
    zero_cells,
)

if TYPE_CHECKING:
    from gongkai.agencies.models import Agency

FIRST_GENERATED_YEAR = 2019  # DESIGN.md: the old (2008) table cannot be derived from today's records
LAST_YEAR = 9998

# 格式2019 has a single （六）其他处理 row for what 格式2021 splits in three.
_OTHER_2021 = {"other_no_correction", "other_fee_unpaid", "other_other"}


def check_report_year(year: int) -> str:
    """The format of a generated report on `year`, or a ValidationError in Chinese."""
    if year < FIRST_GENERATED_YEAR or format_for_year(year) == FORMAT_2008:
        raise ValidationError(
            f"{year}年度的报告使用旧统计表，不能由办理记录生成；系统只生成2019年度及以后的年度报告。"
        )
    if year > LAST_YEAR:
        raise ValidationError(f"年度超出范围：{year}")
    return format_for_year(year)


def yearly_counts(agency: Agency, year: int, *, bodies: Sequence[Agency] = ()) -> dict[str, int]:
    """Every cell of tables `requests` and `appeals` for the body's report on `year`, by canonical key.

    `bodies` are further bodies whose records the report covers (`CoveredBody`): their applications and
    cases are counted as the body's own."""
    return yearly_counts_by_body({agency.pk: [agency.pk, *(body.pk for body in bodies)]}, year)[agency.pk]


def yearly_counts_by_body(groups: Mapping[int, Sequence[int]], year: int) -> dict[int, dict[str, int]]:
    """`yearly_counts` for many reports at once, in the same few queries (a region's, for its government's
    aggregated report): reporting body id → the ids of the bodies whose records its report counts (its
    own first) → that report's cells."""
    fmt = check_report_year(year)
    reporting = {counted: body for body, bodies in groups.items() for counted in bodies}
    if len(reporting) < sum(len(bodies) for bodies in groups.values()):
        raise ValueError("a body's records are counted in one report only")
    cells = {body: zero_cells(fmt) for body in groups}
    _count_requests(cells, reporting, year, fmt)
    _count_appeals(cells, reporting, year)
    return cells


def _closed_by(day: date) -> Q:
    """Closed with a result on or before `day`."""
    return Q(closed_on__isnull=False, closed_on__lte=day) & ~Q(result="")


def _count_requests(
    by_body: dict[int, dict[str, int]], reporting: Mapping[int, int], year: int, fmt: str
) -> None:
    start, end = date(year, 1, 1), date(year, 12, 31)
    received = Application.objects.filter(
        agency__in=list(reporting), received_on__isnull=False, received_on__lte=end
    )

    by_type = received.values("agency_id", "applicant_type").annotate(
        new_received=Count("pk", filter=Q(received_on__gte=start)),
        carried_in=Count("pk", filter=Q(received_on__lt=start) & ~_closed_by(date(year - 1, 12, 31))),
        carried_out=Count("pk", filter=~_closed_by(end)),
    )
    for group in by_type:
        column = group["applicant_type"]
        if column not in APPLICANT_COLUMNS:
            continue
        cells = by_body[reporting[group["agency_id"]]]
        for row in ("new_received", "carried_in", "carried_out"):
            cells[f"requests.{row}.{column}"] += group[row]

    results = (
        received.filter(closed_on__gte=start, closed_on__lte=end)
        .exclude(result="")
        .values("agency_id", "result", "applicant_type")
        .annotate(n=Count("pk"))
    )
    rows = set(result_rows(fmt))
    for result_group in results:
        row, column = result_group["result"], result_group["applicant_type"]
        if fmt == FORMAT_2019 and row in _OTHER_2021:
            row = "other_processing"
        if row in rows and column in APPLICANT_COLUMNS:
            by_body[reporting[result_group["agency_id"]]][f"requests.{row}.{column}"] += result_group["n"]

    for cells in by_body.values():
        for column in APPLICANT_COLUMNS:
            cells[f"requests.results_total.{column}"] = sum(cells[f"requests.{row}.{column}"] for row in rows)
        for row in request_rows(fmt):
            cells[f"requests.{row}.total"] = sum(
                cells[f"requests.{row}.{column}"] for column in APPLICANT_COLUMNS
            )


def _count_appeals(by_body: dict[int, dict[str, int]], reporting: Mapping[int, int], year: int) -> None:
    end = date(year, 12, 31)
    # The outcome as known on 31 December: the last step of the case dated on or before that day.
    known_outcome = Subquery(
        AppealDecision.objects.filter(case=OuterRef("pk"), decided_on__lte=end)
        .order_by("-decided_on", "-pk")
        .values("outcome")[:1]
    )
    cases = (
        AppealCase.objects.filter(agency__in=list(reporting), filed_on__year=year, co_defendant=False)
        .annotate(known=known_outcome)
        .values("agency_id", "kind", "known")
        .annotate(n=Count("pk"))
    )
    for group in cases:
        row = group["kind"]
        outcome = group["known"] or Outcome.PENDING
        if row in APPEAL_ROWS and outcome in APPEAL_OUTCOMES:
            by_body[reporting[group["agency_id"]]][f"appeals.{row}.{outcome}"] += group["n"]
    for cells in by_body.values():
        for row in APPEAL_ROWS:
            cells[f"appeals.{row}.total"] = sum(
                cells[f"appeals.{row}.{outcome}"] for outcome in APPEAL_OUTCOMES
            )
