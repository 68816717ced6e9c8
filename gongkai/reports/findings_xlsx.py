"""The findings of audited reports as an XLSX workbook (openpyxl): one row per finding, and a second
sheet with one row per report, so that a report without findings is seen to have been audited."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from gongkai.reports.presentation import FindingRow

FINDING_COLUMNS: tuple[tuple[str, int], ...] = (
    ("机关", 26),
    ("年度", 8),
    ("文件", 28),
    ("规则", 16),
    ("规则名称", 24),
    ("级别", 8),
    ("说明", 60),
    ("单元格", 44),
    ("单元格键", 34),
    ("依据行号", 12),
    ("依据文本", 60),
    ("核实状态", 12),
    ("核实意见", 32),
    ("核实人", 12),
    ("核实时间", 18),
)
REPORT_COLUMNS: tuple[tuple[str, int], ...] = (
    ("机关", 26),
    ("年度", 8),
    ("文件", 28),
    ("格式", 30),
    ("错误", 8),
    ("警告", 8),
    ("提示", 8),
)
SEVERITY_FILLS = {"error": "FFEBE9", "warning": "FFF5D6"}


@dataclass
class ReportLine:
    """One audited report on the second sheet."""

    agency: str
    year: int | None
    file: str
    format: str
    errors: int
    warnings: int
    infos: int


def _text(value: Any) -> Any:
    """Text as text: characters XML cannot hold are dropped (a report's text may carry them)."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def append_row(sheet: Any, values: Iterable[Any]) -> None:
    sheet.append([_text(value) for value in values])
    for cell in sheet[sheet.max_row]:
        # openpyxl takes a string beginning with "=" for a formula: a report's text is never one.
        if cell.data_type == "f":
            cell.data_type = "s"


def header_row(sheet: Any, columns: tuple[tuple[str, int], ...]) -> None:
    sheet.append([name for name, _ in columns])
    for index, (_, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F0F3F6")
    sheet.freeze_panes = "A2"


def finding_values(row: FindingRow) -> list[Any]:
    reviewed_at = timezone.localtime(row.reviewed_at).strftime("%Y-%m-%d %H:%M") if row.reviewed_at else ""
    return [
        row.agency,
        row.year,
        row.file,
        row.rule,
        row.rule_name,
        row.severity_label,
        row.message,
        "；".join(row.cells),
        "；".join(row.keys),
        "、".join(str(evidence.line) for evidence in row.evidence),
        "\n".join(f"第{evidence.line}行：{evidence.text.strip()}" for evidence in row.evidence),
        row.status_label,
        row.note,
        row.reviewer,
        reviewed_at,
    ]


def findings_workbook(rows: Iterable[FindingRow], reports: Iterable[ReportLine] = ()) -> bytes:
    return workbook_from_values(((row.severity, finding_values(row)) for row in rows), reports)


def workbook_from_values(
    findings: Iterable[tuple[str, list[Any]]], reports: Iterable[ReportLine] = ()
) -> bytes:
    """The workbook from each finding's severity and its row of values (`finding_values`)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "审核发现"
    header_row(sheet, FINDING_COLUMNS)
    wrap = Alignment(wrap_text=True, vertical="top")
    for severity, values in findings:
        append_row(sheet, values)
        for cell in sheet[sheet.max_row]:
            cell.alignment = wrap
        fill = SEVERITY_FILLS.get(severity)
        if fill:
            sheet.cell(sheet.max_row, 6).fill = PatternFill("solid", fgColor=fill)
    sheet.auto_filter.ref = sheet.dimensions
    summary = workbook.create_sheet("报告")
    header_row(summary, REPORT_COLUMNS)
    for report in reports:
        append_row(
            summary,
            [
                report.agency,
                report.year,
                report.file,
                report.format,
                report.errors,
                report.warnings,
                report.infos,
            ],
        )
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
