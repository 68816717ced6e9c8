"""Every report of the corpus and every seed rewritten into the forms real copies of a report take.

A report is taken apart into its paragraphs and its tables (`Report`): the seeds by their own
text (`forms.seed_blocks`); a report of the corpus (`../shared/corpus`) by its text, its tables
rebuilt from its expected cells (`expected/*.json`) in the layout its format prints them —
tables 二, 三 and 四 as the official templates merge their cells (`official_tables`), a regional
old table (指标名称 | 计量单位 | 本年度 | 历年累计) with the rows, labels and order its text prints.
It is then written (`FORMS`) as a DOCX with Word tables, a DOCX whose tables were pasted as
paragraphs (one row a paragraph, cells split by tabs or by spaces), HTML with <table> grids
(rowspan and colspan), HTML whose tables became <p> lines, plain text with tab-separated cells,
plain text with each cell on a line of its own (empty cells dropped), and a PDF made by WeasyPrint,
as the project's own renderer makes one, from the HTML.

`measure(report, form)` reads a copy back through the reader's public entry points and holds it
against what the report's expected file (or, for a seed, the reading of its own text) says:
cells, extra cells (历年累计 and the regional rows), defects and unlisted errors
(`gongkai.reports.accuracy.compare`). `benchmarks/bench_reader_forms.py` prints the figures.
"""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from gongkai.reports import formats
from gongkai.reports.accuracy import NOT_DEFECT_CLAIMS, ReportAccuracy, compare
from gongkai.reports.audit.lexicon import appeal_header_words
from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_report, read_report_bytes
from gongkai.reports.audit.stream import make_stream, read_old_table
from gongkai.reports.auditing import audit_report
from gongkai.reports.official_tables import official_tables, show_number
from gongkai.reports.tests.corpus import forms

CORPUS = Path(__file__).resolve().parent.parent / "real_reports"

# --- a report taken apart ----------------------------------------------------------------------


@dataclass
class GridCell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Grid:
    """A table as printed: each row holds the cells that start in it (a merged cell once)."""

    rows: list[list[GridCell]] = field(default_factory=list)

    def width(self) -> int:
        return max((sum(cell.colspan for cell in row) for row in self.rows[:1]), default=0)


Block = str | Grid


@dataclass
class Report:
    name: str
    blocks: list[Block]
    expected: dict[str, Any]


# --- the seeds -----------------------------------------------------------------------------------


def _grid_of(table: forms.Table) -> Grid:
    """A seed's table (empty cells under a filled one are its rowspan; a row shorter than the
    table spans the missing columns with its first cell), as `forms` prints it."""
    width = max(len(cells) for cells in table.rows)
    spans, skip = forms._rowspans(table)
    grid = Grid()
    for r, cells in enumerate(table.rows):
        row = []
        for c, text in enumerate(cells):
            if (r, c) in skip:
                continue
            colspan = width - len(cells) + 1 if c == 0 and len(cells) < width else 1
            row.append(GridCell(text, colspan, spans[(r, c)]))
        grid.rows.append(row)
    return grid


def _findings_as_defects(report: ParsedReport) -> list[dict[str, Any]]:
    return [
        {"rule": f.rule, "keys": list(f.keys)}
        for f in report.findings
        if f.severity in ("error", "warning") and f.rule not in NOT_DEFECT_CLAIMS
    ]


def seed_report(name: str) -> Report:
    """A seed: its own paragraphs and tables; expected what its text reads as, and its findings."""
    original = audit_report(read_report(forms.seed(name)))
    blocks: list[Block] = []
    words = appeal_header_words()
    for block in forms.seed_blocks(name):
        if isinstance(block, str):
            blocks.append(block)
        elif all(any(word in cell for cell in block.rows[0]) for word in words) and original.format:
            # Table 四: the seed's text lost which heading spans which columns (行政复议 over five,
            # 行政诉讼 over ten): it is printed as the official template merges it.
            blocks.append(_grid_of_official(official_tables(original.format, original.cells)[2]))
        else:
            blocks.append(_grid_of(block))
    expected = {
        "file": name,
        "format": original.format,
        "year": original.year,
        "cells": {k: v for k, v in original.cells.items() if v is not None},
        "extra_cells": dict(original.extras.get("extra_cells") or {}),
        "defects": _findings_as_defects(original),
    }
    return Report(f"seed {name}", blocks, expected)


# --- the corpus ----------------------------------------------------------------------------------

# Where the tables of each format begin and end in a report's text.
_NEW_TABLES_START = re.compile(r"二\s*[、.．]\s*主动公开政府信息情况")
_NEW_TABLES_END = re.compile(r"[五四]\s*[、.．]\s*(?:政府信息公开工作)?存在的主要问题")
_OLD_TABLE_START = re.compile(r"指标名称|统计指标")
# A paragraph ends before a space that follows a sentence's end or precedes a heading's number.
_PARAGRAPH_BREAK = re.compile(
    r"(?<=[。；：！？”）)])\s+|\s+(?=[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[.．、](?!\d))"
)
_SECTION_HEADINGS = (
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
)


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in _PARAGRAPH_BREAK.split(text) if part and part.strip()]


def _report_text(path: Path) -> str:
    """The report's text as the reader decodes it, its paragraph lines joined by spaces (the rows
    of the tables it found as grids left out)."""
    from gongkai.reports.audit.inputs import decode_report

    document = decode_report(path.read_bytes(), path.name)
    layout = document.layout()
    lines = document.lines
    body = " ".join(lines[number - 1].strip() for number in layout.text_lines)
    # The archive's own header (标题/发布时间/原文链接 … ==== 正文 ====) is kept as it is printed.
    return body


def _number(value: Any) -> str:
    if isinstance(value, float):
        value = Decimal(str(value))
    return show_number(value)


def _grid_of_official(table: Any) -> Grid:
    return Grid(
        [
            [GridCell(cell.text, cell.colspan, cell.rowspan) for cell in row]
            for row in [*table.head, *table.body]
        ]
    )


def _new_tables(expected: dict[str, Any]) -> list[Grid]:
    fmt = str(expected["format"])
    cells = dict(expected["cells"])
    extra = dict(expected.get("extra_cells") or {})
    unit = "item20_9.procurement.amount_unit"
    tables = official_tables(fmt, cells, extras={unit: cells.get(unit)})
    single = {k.rsplit(".", 1)[1]: v for k, v in extra.items() if ".other_processing_single_row." in k}
    if single:
        # A 2021 report that prints （六）其他处理 as one row, as the 2019 format does.
        cells.update({f"requests.other_processing.{column}": value for column, value in single.items()})
        tables[1] = official_tables(formats.FORMAT_2019, cells)[1]
    return [_grid_of_official(table) for table in tables]


def _old_table(path: Path, expected: dict[str, Any], text: str) -> Grid:
    """The regional (or standard) old table with the rows its text prints, in its order, each
    row's figures from the expected cells."""
    cells = dict(expected["cells"])
    extra = dict(expected.get("extra_cells") or {})
    stream = read_old_table(make_stream(text.split("\n")))
    cumulative = any(key.endswith(".cumulative") for key in extra)
    year = expected.get("year")
    header = (
        ["指标名称", "计量单位", f"{year}年度", "历年累计"] if cumulative else ["统计指标", "单位", "统计数"]
    )
    grid = Grid([[GridCell(h) for h in header]])
    children = {child: parent for parent, rows in stream.children.items() for child in rows}
    numbers: dict[str, int] = {}
    for row in stream.rows:
        key = row.row
        parent = children.get(key)
        label = row.label
        if parent is not None:
            numbers[parent] = numbers.get(parent, 0) + 1
            label = ("其中：" if numbers[parent] == 1 else "") + f"{numbers[parent]}.{label}"
        value = cells.get(key, extra.get(key))
        unit = "元" if "yuan" in key else ("件" if "reconsideration" in key or "litigation" in key else "条")
        printed = [label, unit, _number(value)]
        if cumulative:
            printed.append(_number(extra.get(key + ".cumulative")))
        grid.rows.append([GridCell(t) for t in printed])
    return grid


def corpus_report(expected_path: Path) -> Report | None:
    """A report of the corpus, or None when its tables cannot be placed in its text."""
    expected = json.loads(expected_path.read_text("utf-8"))
    path = expected_path.parent.parent / str(expected["file"])
    text = _report_text(path)
    blocks: list[Block] = []
    if expected["format"] == formats.FORMAT_2008:
        start = _OLD_TABLE_START.search(text)
        if start is None:
            return None
        blocks = [*_paragraphs(text[: start.start()]), _old_table(path, expected, text[start.start() :])]
    else:
        start = _NEW_TABLES_START.search(text)
        end = _NEW_TABLES_END.search(text, start.end()) if start else None
        if start is None or end is None:
            return None
        blocks = [*_paragraphs(text[: start.start()])]
        for heading, grid in zip(_SECTION_HEADINGS, _new_tables(expected), strict=True):
            blocks += [heading, grid]
        blocks += _paragraphs(text[end.start() :])
    # In a grid every cell is printed on its own: nothing is left ambiguous.
    expected = {**expected, "ambiguous_in_text": {}}
    return Report(path.name, blocks, expected)


def corpus_reports(folder: Path = CORPUS) -> list[Report]:
    found = (corpus_report(path) for path in sorted((folder / "expected").glob("*.json")))
    return [report for report in found if report is not None]


# --- the forms -----------------------------------------------------------------------------------


def _placed(grid: Grid) -> Iterator[tuple[int, int, GridCell]]:
    """Each cell with the row and column of its top left position, a merged cell above or to the left
    taking the positions it covers."""
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(grid.rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            taken.update((r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan))
            yield r, c, cell
            c += cell.colspan


def _covered(grid: Grid) -> list[list[str]]:
    """The grid expanded: every position of the table, a merged cell's text at its first position
    and "" under it and beside it."""
    width = max(sum(c.colspan for c in grid.rows[0]), 1) if grid.rows else 0
    texts: dict[tuple[int, int], str] = {}
    for r, c, cell in _placed(grid):
        texts[(r, c)] = cell.text
        width = max(width, c + cell.colspan)
    return [[texts.get((r, c), "") for c in range(width)] for r in range(len(grid.rows))]


def _row_texts(grid: Grid) -> Iterator[list[str]]:
    """Each row's own cells (a merged cell in the row it starts in), as copying a table gives them."""
    for row in grid.rows:
        yield [" ".join(cell.text.split()) for cell in row]


def _paste_line(cells: list[str], separator: str) -> str:
    return separator.join(cell if cell.strip() else "" for cell in cells).strip()


def to_docx_tables(report: Report) -> bytes:
    import docx

    document = docx.Document()
    for block in report.blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        expanded = _covered(block)
        table = document.add_table(rows=len(expanded), cols=len(expanded[0]))
        table.style = "Table Grid"
        # The cells looked up once: `table.cell` walks the whole table at each call. A merge keeps
        # the cell at the top left and those outside its span.
        width = len(expanded[0])
        cells = table._cells
        for r, c, cell in _placed(block):
            target = cells[r * width + c]
            if cell.colspan > 1 or cell.rowspan > 1:
                corner = cells[(r + cell.rowspan - 1) * width + c + cell.colspan - 1]
                target = target.merge(corner)
            target.text = cell.text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_of_lines(lines: list[str]) -> bytes:
    """A DOCX of one paragraph a line: a text pasted into Word."""
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def to_docx_paragraphs(report: Report, separator: str = "\t") -> bytes:
    lines: list[str] = []
    for block in report.blocks:
        if isinstance(block, str):
            lines.append(block)
        else:
            lines += [_paste_line(cells, separator) for cells in _row_texts(block)]
    return docx_of_lines(lines)


def _html_grid(grid: Grid) -> str:
    rows = []
    for row in grid.rows:
        tds = []
        for cell in row:
            attrs = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + (
                f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else ""
            )
            body = "<br>".join(html.escape(part) for part in cell.text.split("\n")) or "&nbsp;"
            tds.append(f"<td{attrs}>{body}</td>")
        rows.append("<tr>" + "".join(tds) + "</tr>")
    return (
        '<table border="1" cellspacing="0" style="border-collapse:collapse">\n'
        + "\n".join(rows)
        + "\n</table>"
    )


def _html_page(parts: list[str]) -> bytes:
    page = (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>政府信息公开工作年度报告</title>'
        "<style>td{border:1px solid #000;font-size:9pt}</style></head>\n"
        '<body><div class="article">\n' + "\n".join(parts) + "\n</div></body></html>\n"
    )
    return page.encode("utf-8")


def to_html_tables(report: Report) -> bytes:
    return _html_page(
        [f"<p>{html.escape(b)}</p>" if isinstance(b, str) else _html_grid(b) for b in report.blocks]
    )


def to_html_paragraphs(report: Report) -> bytes:
    """A CMS page whose tables became paragraphs: a row a <p>, its cells split by &nbsp;&nbsp;."""
    parts = []
    for block in report.blocks:
        if isinstance(block, str):
            parts.append(f"<p>{html.escape(block)}</p>")
        else:
            for cells in _row_texts(block):
                line = "&nbsp;&nbsp;".join(html.escape(cell) for cell in cells if cell.strip())
                parts.append(f"<p>{line}</p>")
    return _html_page(parts)


def to_text_tabs(report: Report) -> bytes:
    """Plain text, a table row a line with its cells split by tabs (a table copied to a text editor)."""
    lines = []
    for block in report.blocks:
        if isinstance(block, str):
            lines.append(block)
        else:
            lines.extend(_paste_line(cells, "\t") for cells in _row_texts(block))
    return ("\n".join(lines) + "\n").encode("utf-8")


def to_text_cells_per_line(report: Report) -> bytes:
    """Plain text, each cell of a table on a line of its own, no blank line between the rows (a
    table copied out of a web page into a text editor)."""
    lines = []
    for block in report.blocks:
        if isinstance(block, str):
            lines.append(block)
        else:
            lines.extend(cell for cells in _row_texts(block) for cell in cells if cell.strip())
    return ("\n".join(lines) + "\n").encode("utf-8")


def to_pdf(report: Report) -> bytes:
    """The HTML with its grids as a PDF, made by WeasyPrint as the project's renderer makes one."""
    import logging

    import weasyprint

    from gongkai.reports.annual.render_pdf import url_fetcher

    for name in ("weasyprint", "fontTools"):
        logging.getLogger(name).setLevel(logging.ERROR)
    page = (
        to_html_tables(report)
        .decode("utf-8")
        .replace("<style>", "<style>@page{size:A4;margin:2cm} body{font-family:'Noto Serif CJK SC',serif} ")
    )
    pdf: bytes = weasyprint.HTML(string=page, url_fetcher=url_fetcher()).write_pdf()
    return pdf


FORMS: dict[str, tuple[str, Callable[[Report], bytes]]] = {
    "docx-tables": ("docx", to_docx_tables),
    "docx-rows-as-paragraphs-tabs": ("docx", to_docx_paragraphs),
    "docx-rows-as-paragraphs-spaces": ("docx", lambda report: to_docx_paragraphs(report, "  ")),
    "html-tables": ("html", to_html_tables),
    "html-rows-as-paragraphs": ("html", to_html_paragraphs),
    "text-tabs": ("txt", to_text_tabs),
    "text-cells-per-line": ("txt", to_text_cells_per_line),
    "pdf-weasyprint": ("pdf", to_pdf),
}


@cache
def all_reports() -> tuple[Report, ...]:
    return (*corpus_reports(), *(seed_report(path.name[:3]) for path in forms.seed_paths()))


def read_copy(report: Report, form: str) -> ParsedReport:
    suffix, render = FORMS[form]
    return audit_report(read_report_bytes(render(report), f"{report.name}.{suffix}"))


@dataclass
class CopyResult:
    accuracy: ReportAccuracy
    extra_right: int = 0
    extra_wrong: list[tuple[str, Any, Any]] = field(default_factory=list)


def measure(report: Report, form: str) -> CopyResult:
    """The copy read back, against the report's expected cells, extra cells and defects."""
    try:
        audited: ParsedReport | None = read_copy(report, form)
        error = None
    except Exception as crash:  # a reader's bug: measured as nothing read
        audited, error = None, f"{type(crash).__name__}: {crash}"
    result = CopyResult(compare(report.expected, audited, error))
    read_extra = dict(audited.extras.get("extra_cells") or {}) if audited is not None else {}
    for key, value in (report.expected.get("extra_cells") or {}).items():
        got = read_extra.get(key)
        same = (value is None and got is None) or (
            value is not None and got is not None and Decimal(str(value)) == Decimal(str(got))
        )
        if same:
            result.extra_right += 1
        else:
            result.extra_wrong.append((key, value, got))
    return result
