"""The exported register reads as a spreadsheet should: a bold header row that stays in view, columns
wide enough for what they hold, dates stored as dates; and the findings export likewise, with numbers
stored as numbers."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from gongkai.applications.register_export import export_register
from gongkai.applications.tests.factories import make_cast, register
from gongkai.reports.findings_xlsx import ReportLine, workbook_from_values

pytestmark = pytest.mark.django_db


def test_the_register_has_a_frozen_bold_header_sensible_widths_and_real_dates(tmp_path: Path) -> None:
    cast = make_cast()
    register(cast, date(2025, 3, 3))
    target = tmp_path / "台账.xlsx"
    export_register(agency=cast.agency, target=target, actor=None)
    sheet = load_workbook(target).active
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.column_dimensions["E"].width >= 40  # the request text
    assert all(sheet.column_dimensions[letter].width >= 10 for letter in "ABCDFGHIJ")
    received = sheet["C2"].value
    assert isinstance(received, datetime) and received.date() == date(2025, 3, 3)


def test_the_findings_export_stores_years_and_counts_as_numbers() -> None:
    content = workbook_from_values(
        [], [ReportLine("慈溪市人民政府办公室", 2023, "a.txt", "国办公开办函〔2021〕30号格式", 2, 1, 0)]
    )
    summary = load_workbook(io.BytesIO(content))["报告"]
    assert summary.freeze_panes == "A2" and summary["A1"].font.b
    assert [type(summary.cell(2, column).value) for column in (2, 5, 6, 7)] == [int, int, int, int]
