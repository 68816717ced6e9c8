"""Every cell of a generated report, from the records and the yearly figures; nothing typed by hand
into tables 三 and 四.

- Tables 三 and 四: `reports.counts` over the body and the bodies its report covers (`CoveredBody`).
- Table 二: the yearly figures entered for the body (`figures`); a figure never entered stays None,
  which the rules engine reports as `blank_cell`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gongkai.agencies.models import Agency
from gongkai.reports import formats
from gongkai.reports.annual.figures import PROCUREMENT_UNIT, Number, entered_figures
from gongkai.reports.counts import check_report_year, yearly_counts
from gongkai.reports.models import CoveredBody

if TYPE_CHECKING:
    from collections.abc import Sequence

PROCUREMENT_UNIT_KEY = "item20_9.procurement.amount_unit"


def covered_bodies(agency: Agency, year: int) -> Sequence[Agency]:
    """The bodies whose records the body's report on `year` covers, besides its own."""
    return list(Agency.objects.filter(covered_in__covered_by=agency, covered_in__year=year).order_by("path"))


def report_cells(agency: Agency, year: int) -> tuple[dict[str, Number | None], dict[str, Any]]:
    """Every key of the year's format with its figure (None where blank), and the extras beside them."""
    fmt = check_report_year(year)
    cells: dict[str, Number | None] = dict.fromkeys(formats.all_keys(fmt))
    cells.update(yearly_counts(agency, year, bodies=covered_bodies(agency, year)))
    cells.update(entered_figures(agency, year))
    extras: dict[str, Any] = {}
    if fmt == formats.FORMAT_2019:
        extras[PROCUREMENT_UNIT_KEY] = PROCUREMENT_UNIT
    return cells, extras


def is_covered(agency: Agency, year: int) -> Agency | None:
    """The body whose report covers this one on `year`, if any (then it publishes no report itself)."""
    entry = CoveredBody.objects.filter(agency=agency, year=year).select_related("covered_by").first()
    return entry.covered_by if entry else None
