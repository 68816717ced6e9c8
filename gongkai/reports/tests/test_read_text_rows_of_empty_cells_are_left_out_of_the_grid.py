"""The text adapter leaves a row whose cells are all empty out of the table's grid (it holds
nothing; adversarial text can hold hundreds of thousands of them), keeping its lines, so that line
numbers and the other rows are as before."""

from __future__ import annotations

from gongkai.reports.audit.inputs import decode_report

TEXT = "2023年政府信息公开工作年度报告\n\n\t规章\n\t1\n\n\t\n\t \n\n\t行政规范性文件\n\t2\n\n正文\n"


def test_a_row_of_empty_cells_is_not_a_row_of_the_grid() -> None:
    document = decode_report(TEXT.encode(), "report.txt")
    (table,) = document.tables
    assert [[cell.text for cell in row] for row in table.rows] == [["规章", "1"], ["行政规范性文件", "2"]]
    assert [cell.row for row in table.rows for cell in row] == [0, 0, 1, 1]
    assert [cell.line for row in table.rows for cell in row] == [3, 4, 9, 10]
    assert document.lines == TEXT.split("\n")
    assert [paragraph.line for paragraph in document.paragraphs] == [1, 12]


def test_a_text_of_empty_rows_alone_has_no_table() -> None:
    document = decode_report(("2023年政府信息公开工作年度报告\n" + "\t\n\n" * 1000).encode(), "report.txt")
    assert document.tables == []
    assert len(document.lines) == 2002
