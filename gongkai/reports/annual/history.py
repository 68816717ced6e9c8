"""The body's applications and their results over the years, for the chart of its report: from its own
published (generated) reports and the reports it imported, the generated one winning for a year that
has both, and ending with the report being built."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from gongkai.reports import formats
from gongkai.reports.models import AnnualReportVersion, PublishedReport

if TYPE_CHECKING:
    from gongkai.agencies.models import Agency

Number = int | Decimal


@dataclass
class HistoryPoint:
    year: int
    new_received: Number | None
    results_total: Number | None
    disclosed: Number | None  # 予以公开 and 部分公开 (old table: 已主动公开、同意公开、同意部分公开)
    source: str  # "this" (the report itself), "generated" (a published version), "imported"


def _value(cells: Mapping[str, Any], key: str) -> Number | None:
    value = cells.get(key)
    if value is None or isinstance(value, int):
        return value
    return Decimal(str(value))


def _sum(cells: Mapping[str, Any], keys: tuple[str, ...]) -> Number | None:
    values = [_value(cells, key) for key in keys]
    if any(value is None for value in values):
        return None
    return sum(value for value in values if value is not None)


def point(year: int, fmt: str | None, cells: Mapping[str, Any], source: str) -> HistoryPoint:
    if fmt == formats.FORMAT_2008:
        return HistoryPoint(
            year,
            _value(cells, "requests_received"),
            _value(cells, "replies_total"),
            _sum(cells, ("replies_already_public", "replies_granted", "replies_partially_granted")),
            source,
        )
    return HistoryPoint(
        year,
        _value(cells, "requests.new_received.total"),
        _value(cells, "requests.results_total.total"),
        _sum(cells, ("requests.disclosed.total", "requests.partially_disclosed.total")),
        source,
    )


def history_points(agency: Agency, year: int, fmt: str, cells: Mapping[str, Any]) -> list[HistoryPoint]:
    points: dict[int, HistoryPoint] = {}
    for report in PublishedReport.objects.filter(agency=agency, year__lt=year).only(
        "year", "format", "cells"
    ):
        points[report.year] = point(report.year, report.format or None, report.cells, "imported")
    versions = (
        AnnualReportVersion.objects.filter(report__agency=agency, report__year__lt=year)
        .order_by("report__year", "number")
        .values_list("report__year", "content")
    )
    for version_year, content in versions:  # the last version of a year wins
        points[version_year] = point(
            version_year, content.get("format"), content.get("cells", {}), "generated"
        )
    points[year] = point(year, fmt, cells, "this")
    return [points[y] for y in sorted(points)]
