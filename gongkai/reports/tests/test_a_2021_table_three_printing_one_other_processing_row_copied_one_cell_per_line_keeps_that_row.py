"""Table 三 of a 2021-format report that prints （六）其他处理 as one row (the 2019 format's), copied
one cell a line: the row and its seven figures are read into the extra cells
`requests.other_processing_single_row.*`, and format_mismatch says the row is the 2019 format's, as
when the table is a grid. The stream read the 2021 format's rows only: "3.其他" was found inside
"其他处理" with no figure after it, and the row's figures were lost."""

from __future__ import annotations

from gongkai.reports.audit.reader import SINGLE_OTHER_ROW
from gongkai.reports.formats import FORMAT_2021
from gongkai.reports.tests.test_a_report_copied_one_cell_per_line_is_read_in_its_own_format import (
    new_format_report,
    read_one_cell_per_line,
)


def test_the_single_row_is_read_into_its_extra_cells_and_told_as_the_2019_format() -> None:
    report = new_format_report(single_other_row=True)
    read = read_one_cell_per_line(report)
    assert read.format == FORMAT_2021
    extra = read.extras.get("extra_cells") or {}
    assert {key: extra.get(key) for key in report.expected["extra_cells"]} == report.expected["extra_cells"]
    assert [f.rule for f in read.findings if f.rule == "format_mismatch"] == ["format_mismatch"]
    assert not [f for f in read.findings if f.rule == "tables_unread"]
    expected = report.expected["cells"]
    assert {key: read.cells[key] for key in expected} == expected


def test_the_three_rows_of_the_2021_format_are_not_taken_for_the_single_row() -> None:
    read = read_one_cell_per_line(new_format_report(single_other_row=False))
    assert not any(key.startswith(SINGLE_OTHER_ROW) for key in read.extras.get("extra_cells") or {})
    assert not read.extras.get("requests_other_processing_single_row")
    assert not [f for f in read.findings if f.rule == "format_mismatch"]
