"""The supervision dashboard's list as an XLSX workbook (openpyxl): one row per body, the header bold and
frozen, columns sized, figures as numbers (the 予以公开 share as a percentage) so that the office can sort,
filter and sum them; a blank figure is an empty cell, never 0."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook

from gongkai.agencies.models import Agency
from gongkai.reports.annual.dashboard import BodyLine
from gongkai.reports.findings_xlsx import append_row, header_row
from gongkai.reports.selectors import KeyFigures

KIND_LABELS = dict(Agency.Kind.choices)
FIGURES = (
    ("本年新收", "new_received"),
    ("办结", "results_total"),
    ("结转下年", "carried_out"),
    ("行政复议", "reconsideration"),
    ("行政诉讼", "litigation"),
)
COLUMNS: tuple[tuple[str, int], ...] = (
    ("机关", 30),
    ("机关代码", 14),
    ("类型", 10),
    ("状态", 22),
    ("截止日期", 12),
    ("剩余天数", 9),
    ("逾期天数", 9),
    ("发布日期", 12),
    ("错误", 7),
    ("警告", 7),
    *((f"{name}（{suffix}）", 11) for name, _ in FIGURES for suffix in ("本年", "上年")),
    ("予以公开占比（本年）", 12),
    ("予以公开占比（上年）", 12),
    ("数据来源", 20),
)
_PERCENT_COLUMNS = (len(COLUMNS) - 2, len(COLUMNS) - 1)


def _figure(figures: KeyFigures | None, name: str) -> Any:
    return getattr(figures, name) if figures is not None else None


def _row(line: BodyLine) -> list[Any]:
    current, previous = line.figures.values, line.previous.values
    figures = [_figure(f, name) for _, name in FIGURES for f in (current, previous)]
    return [
        line.agency.name,
        line.agency.code,
        KIND_LABELS.get(line.agency.kind, line.agency.kind),
        line.status_label + ("（更正中）" if line.correcting else ""),
        line.deadline,
        line.days_left,
        line.days_late,
        line.published_on,
        line.errors,
        line.warnings,
        *figures,
        current.disclosed_share if current else None,
        previous.disclosed_share if previous else None,
        line.figures.source_label,
    ]


def dashboard_workbook(year: int, lines: Iterable[BodyLine]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"{year}年度报告"
    header_row(sheet, COLUMNS)
    sheet.freeze_panes = "B2"  # the header, and each body's name
    for line in lines:
        append_row(sheet, _row(line))
        row = sheet[sheet.max_row]
        for column in (5, 8):
            row[column - 1].number_format = "yyyy-mm-dd"
        for column in _PERCENT_COLUMNS:
            row[column - 1].number_format = "0.0%"
    sheet.auto_filter.ref = sheet.dimensions
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
