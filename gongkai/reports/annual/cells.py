"""Every cell of a generated report, from the records and the yearly figures; nothing typed by hand
into tables 三 and 四.

- Tables 三 and 四: `reports.counts` over the body and the bodies its report covers (`CoveredBody`).
- A government's report: the sum over the bodies it covers (`aggregation`).
- Table 二: the yearly figures entered for the body, or computed from its records where it keeps them
  (`figures.computed_figures`); a figure never entered stays None,
  which the rules engine reports as `blank_cell`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gongkai.agencies.models import Agency
from gongkai.reports import formats
from gongkai.reports.annual.figures import PROCUREMENT_UNIT, Number, as_number, computed_figures, figure_keys
from gongkai.reports.counts import check_report_year, yearly_counts_by_body
from gongkai.reports.models import CoveredBody, YearlyFigure

if TYPE_CHECKING:
    from collections.abc import Sequence

PROCUREMENT_UNIT_KEY = "item20_9.procurement.amount_unit"


def covered_bodies(agency: Agency, year: int) -> Sequence[Agency]:
    """The bodies whose records the body's report on `year` covers, besides its own."""
    return list(Agency.objects.filter(covered_in__covered_by=agency, covered_in__year=year).order_by("path"))


def own_cells(agency: Agency, year: int) -> tuple[dict[str, Number | None], dict[str, Any]]:
    """Every key of the year's format with the body's own figure (None where blank), and the extras."""
    return own_cells_by_body([agency], year)[agency.pk]


def own_cells_by_body(
    agencies: Sequence[Agency], year: int
) -> dict[int, tuple[dict[str, Number | None], dict[str, Any]]]:
    """`own_cells` of many bodies at once (a region's), tables 三 and 四 counted in the same few queries."""
    fmt = check_report_year(year)
    groups = {agency.pk: [agency.pk] for agency in agencies}
    for covering, covered in CoveredBody.objects.filter(covered_by__in=list(groups), year=year).values_list(
        "covered_by_id", "agency_id"
    ):
        groups[covering].append(covered)
    counts = yearly_counts_by_body(groups, year)
    entered = _entered_figures_by_body(agencies, year, fmt)
    result = {}
    for agency in agencies:
        cells: dict[str, Number | None] = dict.fromkeys(formats.all_keys(fmt))
        cells.update(counts[agency.pk])
        cells.update(entered[agency.pk])
        cells.update(computed_figures(agency, year))
        extras: dict[str, Any] = {}
        if fmt == formats.FORMAT_2019:
            extras[PROCUREMENT_UNIT_KEY] = PROCUREMENT_UNIT
        result[agency.pk] = (cells, extras)
    return result


def _entered_figures_by_body(agencies: Sequence[Agency], year: int, fmt: str) -> dict[int, dict[str, Number]]:
    """`figures.entered_figures` of many bodies in one query."""
    wanted = set(figure_keys(fmt))
    entered: dict[int, dict[str, Number]] = {agency.pk: {} for agency in agencies}
    rows = YearlyFigure.objects.filter(agency__in=list(entered), year=year, key__in=wanted)
    for agency_id, key, value in rows.values_list("agency_id", "key", "value"):
        entered[agency_id][key] = as_number(key, value)
    return entered


def report_cells(agency: Agency, year: int) -> tuple[dict[str, Number | None], dict[str, Any]]:
    """Every key of the year's format with its figure (None where blank), and the extras beside them: a
    government's report sums the bodies it covers (`aggregation`), any other body's is its own."""
    if agency.kind == Agency.Kind.GOVERNMENT:
        from gongkai.reports.annual.aggregation import aggregated_cells  # it builds on `own_cells`

        cells, extras, _ = aggregated_cells(agency, year)
        return cells, extras
    return own_cells(agency, year)


def is_covered(agency: Agency, year: int) -> Agency | None:
    """The body whose report covers this one on `year`, if any (then it publishes no report itself)."""
    entry = CoveredBody.objects.filter(agency=agency, year=year).select_related("covered_by").first()
    return entry.covered_by if entry else None
