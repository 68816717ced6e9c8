"""An old table copied out of a web page one cell a line drops its empty cells, but a row whose
figure was left blank keeps its label and its unit, and the next row's label follows them
("制发规范性文件总数" / "件" / "（二）通过不同渠道…"): the row is read as printed blank, as it is from
a grid, and blank_cell names it as a blank. It was run into the next row's label, and the cell was
said to be missing from the table."""

from __future__ import annotations

from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.auditing import audit_report
from gongkai.reports.tests.test_a_standard_old_table_copied_one_cell_per_line_is_checked_by_the_standard_sums import (
    ROWS,
    one_cell_per_line,
)

BLANK = {"制发规范性文件总数": "normative_documents_issued", "1.政府公报公开政府信息数": "channel_gazette"}


def test_a_row_printed_blank_is_a_blank_cell_and_the_rows_after_it_keep_their_figures() -> None:
    rows = [(label, unit, "" if label in BLANK else figure) for label, unit, figure in ROWS]
    report = audit_report(read_report_bytes(one_cell_per_line(rows), "report.txt"))
    assert report.format == "2008"
    for key in BLANK.values():
        assert report.cells[key] is None
        assert key in report.cell_lines
    assert report.cells["proactive_normative_documents"] == 7
    assert report.cells["channel_website"] == 20
    blank = [f for f in report.findings if f.rule == "blank_cell" and "空白" in f.message]
    assert len(blank) == 1
    assert set(BLANK.values()) <= set(blank[0].keys)
    missing = [f for f in report.findings if f.rule == "blank_cell" and "缺少" in f.message]
    assert not any(key in f.keys for f in missing for key in BLANK.values())


def test_the_same_table_with_every_figure_printed_has_no_blank() -> None:
    report = audit_report(read_report_bytes(one_cell_per_line(ROWS), "report.txt"))
    assert report.cells["requests_received"] == 6
    assert report.cells["normative_documents_issued"] == 2
    assert not [f for f in report.findings if f.rule == "blank_cell" and "空白" in f.message]
