"""The annual report as DOCX in the official layout, which a body can file as it is (python-docx).

The document (`annual.document`) laid out as GB/T 9704 sets a government document (`docx_style`): the
title in two lines, the preface, the six sections, tables 二/三/四 as real Word tables whose merged cells
are Word's own merges (`w:gridSpan` across, `w:vMerge` down) exactly where the official template has
them, the history chart as a picture, the signature, and the appendix table of an aggregated report.
Table header rows repeat on every page a table runs onto (`w:tblHeader`), no row breaks across pages
(`w:cantSplit`), and each 第二十条 block of table 二 stays on one page.
"""

from __future__ import annotations

import io
from copy import deepcopy
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Pt
from docx.table import _Cell

from gongkai.reports.annual import docx_style as style
from gongkai.reports.annual.chart import history_png
from gongkai.reports.annual.content import ReportContent
from gongkai.reports.annual.document import Document, Paragraph, column_widths, report_document, row_groups
from gongkai.reports.official_tables import Cell, Table

SIGNATURE_RIGHT_CHARS = 4  # 成文日期右空四字 (GB/T 9704 7.3.5)


def report_docx(content: ReportContent, *, now: datetime | None = None) -> bytes:
    document = report_document(content)
    word = docx.Document()
    style.configure(
        word,
        title=content.title,
        author=content.agency_name,
        subject=f"{content.year}年政府信息公开工作年度报告",
        now=now or datetime.now(UTC),
    )
    style.page_numbers(word)
    if document.draft_mark:
        style.watermark(word, "草稿")
    _body(word, document, content)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _body(word: Any, document: Document, content: ReportContent) -> None:
    # python-docx's new document opens with no paragraph; each block below adds its own.
    _marks(word, document)
    _titles(word, document.title_lines)
    _text(word, document.preface)
    for block in document.blocks:
        heading = word.add_paragraph()
        style.set_paragraph(heading, first_line_chars=2, keep_with_next=True)
        style.set_outline_level(heading, 0)
        style.set_font(heading.add_run(block.heading), style.HEADING_FONT, style.SIZE_3)
        for paragraph in block.paragraphs:
            _text(word, paragraph)
        if block.table is not None:
            _table(word, block.table, block.id)
        if block.chart:
            _chart(word, document, content)
    _signature(word, document)
    if document.appendix is not None:
        heading = word.add_paragraph()
        heading.add_run().add_break(WD_BREAK.PAGE)
        style.set_paragraph(heading, keep_with_next=True)
        style.set_outline_level(heading, 0)
        style.set_font(heading.add_run(document.appendix_title), style.HEADING_FONT, style.SIZE_3)
        _table(word, document.appendix, "members")


def _marks(word: Any, document: Document) -> None:
    """Above the title: a draft's mark and note, a correction's mark and what it changed."""
    if document.draft_mark:
        _marked(word, document.draft_mark)
    if document.draft_note:
        _marked(word, document.draft_note, size=style.SIZE_5, font=style.TEXT_FONT)
    if document.correction_mark:
        _marked(word, document.correction_mark)
        if document.change_note:
            _text(word, Paragraph(f"更正说明：{document.change_note}"))


def _titles(word: Any, lines: tuple[str, ...]) -> None:
    for index, line in enumerate(lines):
        title = word.add_paragraph()
        style.set_paragraph(
            title,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            exact=False,
            keep_with_next=True,
            space_after=style.LINE_PITCH if index == len(lines) - 1 else Pt(0),
        )
        title.paragraph_format.line_spacing = Pt(36)
        style.set_font(title.add_run(line), style.TITLE_FONT, style.SIZE_2)


def _marked(word: Any, text: str, *, size: Any = style.SIZE_3, font: style.Font = style.HEADING_FONT) -> None:
    """A red line above the title: the draft's or the correction's mark."""
    paragraph = word.add_paragraph()
    style.set_paragraph(paragraph, align=WD_ALIGN_PARAGRAPH.CENTER, keep_with_next=True)
    run = paragraph.add_run(text)
    style.set_font(run, font, size)
    run.font.color.rgb = style.RED


def _text(word: Any, paragraph: Paragraph) -> None:
    out = word.add_paragraph()
    style.set_paragraph(out, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_line_chars=2)
    if paragraph.lead:
        style.set_font(out.add_run(paragraph.lead), style.LEAD_FONT, style.SIZE_3)
    style.set_font(out.add_run(paragraph.rest), style.TEXT_FONT, style.SIZE_3)


def _signature(word: Any, document: Document) -> None:
    """署名 centred over 成文日期, the date four characters in from the right (GB/T 9704 7.3.5.2)."""
    spacer = word.add_paragraph()
    style.set_paragraph(spacer, keep_with_next=True)
    date_width = _width_in_chars(document.signature_date)
    name_width = _width_in_chars(document.signature_name)
    name_right = SIGNATURE_RIGHT_CHARS + max(0.0, (date_width - name_width) / 2)
    date_right = SIGNATURE_RIGHT_CHARS + max(0.0, (name_width - date_width) / 2)
    for text, right in ((document.signature_name, name_right), (document.signature_date, date_right)):
        line = word.add_paragraph()
        style.set_paragraph(
            line,
            align=WD_ALIGN_PARAGRAPH.RIGHT,
            right_indent=Emu(int(style.SIZE_3 * right)),
            keep_with_next=text == document.signature_name,
        )
        style.set_font(line.add_run(text), style.TEXT_FONT, style.SIZE_3)


def _width_in_chars(text: str) -> float:
    return sum(0.5 if ord(char) < 128 else 1.0 for char in text)


def _chart(word: Any, document: Document, content: ReportContent) -> None:
    picture = word.add_paragraph()
    style.set_paragraph(picture, align=WD_ALIGN_PARAGRAPH.CENTER, exact=False, keep_with_next=True)
    picture.paragraph_format.space_before = Pt(6)
    picture.add_run().add_picture(io.BytesIO(history_png(content)), width=style.TEXT_WIDTH)
    caption = word.add_paragraph()
    style.set_paragraph(caption, align=WD_ALIGN_PARAGRAPH.CENTER, exact=False, space_after=Pt(8))
    style.set_font(caption.add_run(f"图：{document.chart_title}"), style.TEXT_FONT, style.SIZE_5)


# --- Tables -----------------------------------------------------------------------------------------


@dataclass
class _Placed:
    cell: Cell
    row: int
    column: int
    head: bool


def _place(table: Table) -> tuple[list[_Placed], int, int]:
    """Each cell of the official grid at its row and column (positions covered by merges skipped)."""
    placed: list[_Placed] = []
    covered: set[tuple[int, int]] = set()
    rows = table.head + table.body
    width = max((sum(cell.colspan for cell in row) for row in rows), default=0)
    for r, row in enumerate(rows):
        column = 0
        for cell in row:
            while (r, column) in covered:
                column += 1
            placed.append(_Placed(cell, r, column, r < len(table.head)))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    covered.add((r + dr, column + dc))
            column += cell.colspan
    return placed, len(rows), width


def _table(word: Any, table: Table, name: str) -> None:
    placed, height, width = _place(table)
    out = word.add_table(rows=height, cols=width)
    out.style = word.styles["Table Grid"]
    out.alignment = WD_TABLE_ALIGNMENT.CENTER
    out.autofit = False
    _cell_margins(out)
    widths = [Emu(int(style.TEXT_WIDTH * share / 100)) for share in column_widths(name, table)]
    for column, column_width in zip(out.columns, widths, strict=True):
        column.width = column_width
    for row in out.rows:
        for cell, column_width in zip(row.cells, widths, strict=True):
            cell.width = column_width
    size = style.SIZE_SMALL_5 if name == "appeals" else style.SIZE_5
    # Word's merges written directly (python-docx's `merge` walks the whole table on every call): the
    # first cell of a merge spans its columns (w:gridSpan), the cells it covers to its right go, and
    # the rows below keep one cell that continues it (w:vMerge).
    grid = [list(row._tr.tc_lst) for row in out.rows]
    looks: _Looks = {}
    for item in placed:
        _merge(grid, item)
        _fill(_Cell(grid[item.row][item.column], out), item.cell, size, looks)
    for tcs in grid:  # a continuing cell holds one empty paragraph in the cell's font
        for tc in tcs:
            if tc.getparent() is not None and not tc.xpath("./w:p/w:r"):
                _fill(_Cell(tc, out), Cell(""), size, looks)
    for index, row in enumerate(out.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if index < len(table.head):
            tr_pr.append(OxmlElement("w:tblHeader"))
    _keep_blocks_together(out, table)
    spacer = word.add_paragraph()
    style.set_paragraph(spacer, exact=False, space_after=Pt(4))


def _merge(grid: list[list[Any]], item: _Placed) -> None:
    """The placed cell's merge across its columns and down its rows, in Word's own terms."""
    span, rows = item.cell.colspan, item.cell.rowspan
    for offset in range(rows):
        tcs = grid[item.row + offset]
        first = tcs[item.column]
        for covered in tcs[item.column + 1 : item.column + span]:
            covered.getparent().remove(covered)
        if span > 1:
            first.grid_span = span
        if rows > 1:
            first.vMerge = "restart" if offset == 0 else "continue"


def _cell_margins(out: Any) -> None:
    """A little air above and below each cell's text (Word's default has none), as the template has."""
    margins = parse_xml(
        f'<w:tblCellMar {nsdecls("w")}><w:top w:w="29" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
        '<w:bottom w:w="29" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
    )
    properties = out._tbl.tblPr
    look = properties.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        properties.append(margins)


# A table cell's paragraph and run properties by (alignment, size, bold): made once by python-docx, then
# copied into each cell of the kind. python-docx inserts each property in schema order, searching the
# element's children every time — for the few hundred cells of tables 三 and 四 most of the rendering.
CellLook = tuple[Any, Any, bool]
_Looks = dict[CellLook, tuple[Any, Any]]


def _fill(target: Any, cell: Cell, size: Any, looks: _Looks) -> None:
    # Centred vertically: w:vAlign closes the cell's properties (after its width and merge), appended
    # directly rather than by python-docx's search for its place.
    v_align = OxmlElement("w:vAlign")
    v_align.set(qn("w:val"), "center")
    target._tc.get_or_add_tcPr().append(v_align)
    # A merge keeps one paragraph per merged cell: the text goes into the first, the rest are removed.
    paragraphs = target.paragraphs
    for extra in paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    paragraph = paragraphs[0]
    left = "label" in cell.css and "group" not in cell.css and "total" not in cell.css
    align = WD_ALIGN_PARAGRAPH.LEFT if left or "item" in cell.css else WD_ALIGN_PARAGRAPH.CENTER
    look = (align, size, "item" in cell.css)
    made = looks.get(look)
    if made is None:
        style.set_paragraph(paragraph, align=align, exact=False)
        run = paragraph.add_run(cell.text)
        style.set_font(run, style.TABLE_FONT, size, bold=look[2])
        looks[look] = (deepcopy(paragraph._p.pPr), deepcopy(run._r.rPr))
        return
    p_pr, r_pr = made
    p = paragraph._p
    if p.pPr is not None:
        p.remove(p.pPr)
    p.insert(0, deepcopy(p_pr))
    r = p.add_r()
    r.insert(0, deepcopy(r_pr))
    r.text = cell.text


def _keep_blocks_together(out: Any, table: Table) -> None:
    """Table 二: each 第二十条 block on one page (every row but a block's last keeps with the next)."""
    groups = row_groups(table)
    if not any(group.block for group in groups):
        return
    index = len(table.head)
    for group in groups:
        for offset in range(len(group.rows) - 1):
            for cell in out.rows[index + offset].cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
        index += len(group.rows)
