"""A PDF whose table 三 is continued over page breaks, its header printed again at the top of each page
(a <thead> as Word's 标题行重复 and a browser print it), reads the same cells, facts and sections as the
seed it was made from. The PDF is rendered here with WeasyPrint from the seed, table 三 in the official
layout (merged headings, 三、本年度办理结果 and （三）… spanning their rows), with page breaks forced
before its second row and in its middle, so that its rows lie on three pages and a merged cell is cut
by a break."""

from __future__ import annotations

import html
from functools import cache

import pytest

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_report, read_report_bytes
from gongkai.reports.tests.corpus import forms

# The seeds in the 2021 and 2019 formats, which have table 三.
SEEDS = ["002", "003"]
STYLE = (
    "@page { size: A4; margin: 20mm }"
    "body { font-family: 'Noto Serif CJK SC', serif; font-size: 10.5pt }"
    "p { margin: 0 0 6pt 0 }"
    "table { border-collapse: collapse; width: 100%; margin: 6pt 0 }"
    "td { border: 0.5pt solid black; padding: 2pt; font-size: 8pt }"
)


def _cell(text: str, rowspan: int = 1, colspan: int = 1, style: str = "") -> str:
    attributes = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    body = "<br>".join(html.escape(part) for part in text.split("\n"))
    return f"<td{attributes}{style}>{body}</td>"


def _table_three(table: forms.Table) -> str:
    """Table 三 as the official template prints it: a three-row heading (repeated on every page),
    then rows of 8 cells (一、二、四: the label over three columns), 9 (（一）, （七）: under 三、, the label
    over two columns) and 10 (（三）1. …: under 三、 and （三）)."""
    rows = table.rows
    heading, body = rows[:3], rows[3:]
    head = (
        "<tr>" + _cell(heading[0][0], 3, 3) + _cell(heading[0][1], 1, 7) + "</tr>"
        "<tr>" + _cell(heading[1][1], 2) + _cell(heading[1][2], 1, 5) + _cell(heading[1][3], 2) + "</tr>"
        "<tr>" + "".join(_cell(text) for text in heading[2][2:7]) + "</tr>"
    )

    def span(start: int, column: int, width: int) -> int:
        """The rows a label at `column` of row `start` covers: the next rows of `width` or more
        cells that leave that column empty."""
        count = 1
        for cells in body[start + 1 :]:
            if len(cells) < width or cells[column].strip():
                break
            count += 1
        return count

    lines = []
    for index, cells in enumerate(body):
        tds = []
        if len(cells) == 8:
            tds.append(_cell(cells[0], colspan=3))
        elif len(cells) == 9:
            if cells[0].strip():
                tds.append(_cell(cells[0], rowspan=span(index, 0, 9)))
            tds.append(_cell(cells[1], colspan=2))
        else:
            if cells[0].strip():
                tds.append(_cell(cells[0], rowspan=span(index, 0, 9)))
            if cells[1].strip():
                tds.append(_cell(cells[1], rowspan=span(index, 1, 10)))
            tds.append(_cell(cells[2]))
        tds += [_cell(text) for text in cells[-7:]]
        # Breaks before the second body row and in the middle of 三、本年度办理结果, which is cut.
        style = ' style="break-before: page"' if index in (1, len(body) // 2) else ""
        lines.append(f"<tr{style}>{''.join(tds)}</tr>")
    return f"<table><thead>{head}</thead><tbody>{''.join(lines)}</tbody></table>"


def _is_table_three(block: forms.Block) -> bool:
    return isinstance(block, forms.Table) and any("本年新收" in cell for row in block.rows for cell in row)


def to_pdf_with_page_breaks(content: list[forms.Block]) -> bytes:
    import weasyprint

    parts = []
    for block in content:
        if isinstance(block, str):
            parts.append(f"<p>{html.escape(block)}</p>")
        elif _is_table_three(block):
            parts.append(_table_three(block))
        else:
            parts.append(forms._html_table(block).replace(' border="1" cellspacing="0"', ""))
    page = f"<html><head><style>{STYLE}</style></head><body>{''.join(parts)}</body></html>"
    return bytes(weasyprint.HTML(string=page).write_pdf())


@cache
def rendered(name: str) -> ParsedReport:
    return read_report_bytes(to_pdf_with_page_breaks(forms.seed_blocks(name)), f"{name}.pdf")


def test_the_rendered_table_three_lies_on_three_pages_with_its_heading_on_each() -> None:
    import io

    import pdfplumber

    data = to_pdf_with_page_breaks(forms.seed_blocks("002"))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [page.extract_text() for page in pdf.pages]
    with_heading = [text for text in pages if "申请人情况" in text]
    assert len(with_heading) >= 3


@pytest.mark.parametrize("name", SEEDS)
def test_a_table_continued_over_page_breaks_gives_the_cells_of_the_original(name: str) -> None:
    original = read_report(forms.seed(name))
    report = rendered(name)
    assert report.source_form == "pdf"
    assert report.cells == original.cells
    assert (report.format, report.agency_name, report.year, report.period, report.published_on) == (
        original.format,
        original.agency_name,
        original.year,
        original.period,
        original.published_on,
    )
    assert set(report.sections) == set(original.sections)
    assert report.findings == []
