"""A PDF whose prose is printed in a framed box reads as paragraphs, not as a table: a box of one cell,
a box with a rule under each paragraph (a table of one column), a frame that closes on a
statistics table's rules (its paragraphs the table's first rows, each one cell over the whole width,
as in hongze_2024.pdf), and paragraphs side by side in a table of two columns without a figure. The PDFs are rendered here with WeasyPrint from seed 002; each reads the cells,
facts, sections and findings of the seed, and its paragraphs wrapped over lines are read whole."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import cache

import pytest

from gongkai.reports.audit.inputs import decode_report
from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.pdf import statistics_rows
from gongkai.reports.audit.reader import read_report, read_report_bytes
from gongkai.reports.rules import run_rules
from gongkai.reports.tests.corpus import forms

STYLE = (
    "@page { size: A4; margin: 20mm }"
    "body { font-family: 'Noto Serif CJK SC', serif; font-size: 10.5pt }"
    "p { margin: 0 0 6pt 0; text-indent: 2em }"
    "table { border-collapse: collapse; width: 100% }"
    "td { border: 0.5pt solid black; padding: 2pt; font-size: 8pt }"
    "td.prose { font-size: 10.5pt; padding: 4pt }"
)


def _paragraph(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def _split(content: list[forms.Block]) -> tuple[list[forms.Block], list[str], list[forms.Block]]:
    """The blocks before the overview's first paragraph, the prose up to the first table, the rest."""
    first_table = next(i for i, block in enumerate(content) if isinstance(block, forms.Table))
    start = next(i for i, block in enumerate(content) if isinstance(block, str) and "总体情况" in block) + 1
    prose = [block for block in content[start:first_table] if isinstance(block, str)]
    return content[:start], prose, content[first_table:]


def _rest(blocks: list[forms.Block]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, str):
            parts.append(_paragraph(block))
        else:
            parts.append(forms._html_table(block).replace(' border="1" cellspacing="0"', ""))
    return "".join(parts)


def one_cell(content: list[forms.Block]) -> str:
    head, prose, rest = _split(content)
    box = "<table><tr><td class=prose>" + "".join(_paragraph(t) for t in prose) + "</td></tr></table>"
    return _rest(head) + box + _rest(rest)


def one_column(content: list[forms.Block]) -> str:
    head, prose, rest = _split(content)
    rows = "".join(f"<tr><td class=prose>{_paragraph(t)}</td></tr>" for t in prose)
    return _rest(head) + f"<table>{rows}</table>" + _rest(rest)


def closing_on_a_table(content: list[forms.Block]) -> str:
    """The overview's paragraphs as the first rows of table 二, each one cell over its width."""
    head, prose, rest = _split(content)
    table = rest[0]
    assert isinstance(table, forms.Table)
    width = max(len(row) for row in table.rows)
    rows = "".join(f'<tr><td class=prose colspan="{width}">{_paragraph(t)}</td></tr>' for t in prose)
    markup = forms._html_table(table).replace(' border="1" cellspacing="0"', "")
    return _rest(head) + markup.replace("<table>\n", f"<table>\n{rows}", 1) + _rest(rest[1:])


def side_by_side(content: list[forms.Block]) -> str:
    """The overview's first two paragraphs in a table of two columns under two headings, as reports
    print 存在的主要问题 beside 改进情况."""
    head, prose, rest = _split(content)
    first, second, *others = prose
    box = (
        "<table><tr><td class=prose>主要做法</td><td class=prose>具体情况</td></tr>"
        f"<tr><td class=prose>{_paragraph(first)}</td><td class=prose>{_paragraph(second)}</td></tr></table>"
    )
    return _rest(head) + box + "".join(_paragraph(t) for t in others) + _rest(rest)


BOXES: dict[str, Callable[[list[forms.Block]], str]] = {
    "one-cell": one_cell,
    "one-column": one_column,
    "closing-on-a-table": closing_on_a_table,
    "side-by-side": side_by_side,
}


@cache
def rendered(box: str) -> bytes:
    import weasyprint

    body = BOXES[box](forms.seed_blocks("002"))
    page = f"<html><head><style>{STYLE}</style></head><body>{body}</body></html>"
    return bytes(weasyprint.HTML(string=page).write_pdf())


@cache
def read(box: str) -> ParsedReport:
    return read_report_bytes(rendered(box), f"002-{box}.pdf")


@pytest.mark.parametrize("box", BOXES)
def test_the_prose_of_a_framed_box_is_paragraphs_each_read_whole(box: str) -> None:
    document = decode_report(rendered(box), f"002-{box}.pdf")
    _, prose, _ = _split(forms.seed_blocks("002"))
    paragraphs = [_compact(p.text) for p in document.paragraphs]
    cells = _compact("".join(cell.text for table in document.tables for cell in table.cells))
    for text in prose:
        assert _compact(text) in paragraphs
        assert _compact(text)[:12] not in cells


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("box", BOXES)
def test_a_report_with_its_prose_in_a_box_reads_as_the_seed(box: str) -> None:
    original = read_report(forms.seed("002"))
    report = read(box)
    assert report.cells == original.cells
    assert (report.format, report.agency_name, report.year, report.period, report.published_on) == (
        original.format,
        original.agency_name,
        original.year,
        original.period,
        original.published_on,
    )
    assert set(report.sections) == set(original.sections)
    assert sorted(f.rule for f in run_rules(report)) == sorted(f.rule for f in run_rules(original))


def test_a_grid_of_one_column_is_prose_and_a_statistics_table_keeps_its_heading_rows() -> None:
    assert statistics_rows([["本报告由某区人民政府办公室编制。"], ["一、总体情况"], ["2024年，我区…"]]) == (
        0,
        0,
    )
    table: list[list[str | None]] = [
        ["（三）政府信息管理情况。加强区政府门户网站及政务新媒", None, None],
        ["体日常管理，运用第三方检测平台实行常态化监测。", None, None],
        ["二、主动公开政府信息情况", None, None],
        ["第二十条第（一）项", None, None],
        ["信息内容", "本年制发件数", "现行有效件数"],
        ["规章", "0", "0"],
        ["行政规范性文件", "3", "8"],
        ["五、存在的主要问题及改进情况", None, None],
    ]
    # The framed paragraphs and the section headings at the grid's edges are prose; the table
    # starts at its own heading row (第二十条第（一）项), which holds no figure.
    assert statistics_rows(table) == (3, 7)
    # A table's row whose one cell is a label, not a sentence, stays in the table.
    assert statistics_rows([["三、本年度办理结果", None], ["（一）予以公开", "15"]]) == (0, 2)
