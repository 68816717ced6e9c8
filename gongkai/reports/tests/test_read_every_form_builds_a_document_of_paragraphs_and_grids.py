"""Every input form is read into one `Document`: paragraphs with their line numbers, and tables as
grids of cells (row, column, rowspan, colspan, header or body, the line of their text), built by
the form's own adapter, never by writing the form out as text and parsing it back. The lines it
writes beside them show the same structure, so evidence line numbers mean the same in every form."""

from __future__ import annotations

import pytest

from gongkai.reports.audit.document import GridCell
from gongkai.reports.audit.inputs import decode_report
from gongkai.reports.audit.layout import parse_layout
from gongkai.reports.tests.corpus import forms

FORMS = {
    "text": lambda blocks: forms.to_text(blocks).encode(),
    "html": forms.to_html,
    "html-cms": lambda blocks: forms.to_html(blocks, colspans=True, split_tables=True),
    "docx": forms.to_docx,
    "pdf": forms.to_pdf,
}
SUFFIX = {"text": "txt", "html": "html", "html-cms": "html", "docx": "docx", "pdf": "pdf"}


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("name", ["001", "002"])
def test_the_documents_rows_and_paragraphs_are_those_its_lines_show(name: str, form: str) -> None:
    document = decode_report(FORMS[form](forms.seed_blocks(name)), f"{name}.{SUFFIX[form]}")
    built, shown = document.layout(), parse_layout(document.lines)
    assert document.tables and document.paragraphs
    assert built.text_lines == shown.text_lines
    assert [[(c.text, c.line) for c in row.cells] for row in built.rows] == [
        [(c.text, c.line) for c in row.cells] for row in shown.rows
    ]
    for paragraph in document.paragraphs:
        assert document.lines[paragraph.line - 1] == paragraph.text


def _cells(html: str) -> list[GridCell]:
    document = decode_report(
        f"<html><body><p>2023年某县政府信息公开工作年度报告</p>{html}</body></html>".encode(), "a.html"
    )
    [table] = document.tables
    return table.cells


def test_an_html_grid_keeps_rowspan_colspan_and_the_positions_a_cell_above_covers() -> None:
    cells = _cells(
        "<table><tr><th colspan='2'>申请人情况</th><th rowspan='2'>总计</th></tr>"
        "<tr><td>自然人</td><td>法人</td></tr>"
        "<tr><td rowspan='2'>三、本年度办理结果</td><td>5</td><td>7</td></tr>"
        "<tr><td>&nbsp;</td><td>2</td></tr></table>"
    )
    head = cells[0]
    assert (head.text, head.row, head.column, head.colspan, head.header) == ("申请人情况", 0, 0, 2, True)
    total = next(c for c in cells if c.text == "总计")
    assert (total.row, total.column, total.rowspan) == (0, 2, 2)
    covered = [c for c in cells if c.continued]
    assert [(c.row, c.column) for c in covered] == [(1, 2), (3, 0)]
    label = next(c for c in cells if c.text.startswith("三、"))
    assert (label.rowspan, label.header) == (2, False)
    document_lines = decode_report(
        "<html><body><table><tr><td>规章</td><td>3</td></tr></table></body></html>".encode(), "b.html"
    )
    [cell, figure] = document_lines.tables[0].cells
    assert document_lines.lines[cell.line - 1] == "\t规章" and document_lines.lines[figure.line - 1] == "\t3"


def test_the_text_adapter_gives_the_seeds_layout_as_a_grid() -> None:
    document = decode_report(forms.seed("002").read_bytes(), "002.txt")
    row = next(r for t in document.tables for r in t.rows if r and "行政规范性文件" in r[0].text)
    assert [c.text for c in row] == ["行政规范性文件", "14", "60", "265"]
    assert [c.column for c in row] == [0, 1, 2, 3]
    assert not any(c.header for c in row)
