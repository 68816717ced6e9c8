"""Text from a report goes into the workbook as text: never as a formula, and without the control
characters XML cannot hold."""

from __future__ import annotations

import io

import openpyxl

from gongkai.reports.findings_xlsx import findings_workbook
from gongkai.reports.presentation import EvidenceLine, FindingRow


def row(message: str, evidence: str) -> FindingRow:
    return FindingRow(
        anchor="finding-1",
        rule="typo",
        severity="info",
        message=message,
        keys=[],
        cells=[],
        evidence=[EvidenceLine(7, evidence, "#L7")],
        agency='=HYPERLINK("http://example.com")',
        year=2023,
        file="report.txt",
    )


def test_text_that_looks_like_a_formula_stays_text() -> None:
    content = findings_workbook([row("=1+2", "+SUM(A1:A3)")])
    sheet = openpyxl.load_workbook(io.BytesIO(content))["审核发现"]
    values = [cell for cell in next(sheet.iter_rows(min_row=2))]
    assert values[0].value == '=HYPERLINK("http://example.com")' and values[0].data_type == "s"
    assert values[6].value == "=1+2" and values[6].data_type == "s"
    assert values[10].value == "第7行：+SUM(A1:A3)"


def test_control_characters_are_dropped() -> None:
    content = findings_workbook([row("单元格\x0b内容\x01", "行\x1f文字")])
    sheet = openpyxl.load_workbook(io.BytesIO(content))["审核发现"]
    values = next(sheet.iter_rows(min_row=2, values_only=True))
    assert values[6] == "单元格内容"
    assert values[10] == "第7行：行文字"
