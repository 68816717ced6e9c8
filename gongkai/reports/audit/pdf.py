"""The PDF adapter: a PDF with a text layer read into a `Document`.

A PDF has no paragraphs and no tables, only characters at places and the rules drawn around them.
Tables are the grids that rules outline (pdfplumber's table finder); a table without rules stays as
text lines, which the reader also understands (cells separated by spaces). Two things that a finder
takes for tables are not: a framed box of prose (WPS draws a text frame, or a shaded band behind
each line, as rectangles: a "table" of one column), and the paragraphs of such a frame that closes
on a table's rules (rows of one cell of sentences, or a section heading, at the grid's edges).
Their text is read as the page's other text. A row that a page's end broke (its vertical rules run
past the page's last horizontal rule, and on the next page start above the first) is closed where its
rules end and joined, cell by cell, to its other half on the next page.

The text is read as paragraphs, as the report prints them, not as the lines a page width cuts: a
line that fills the text block's width is continued by the next line when that one starts at the
left margin (a paragraph's first line is indented, as GB/T 9704 wants), also over a page break;
page numbers ("- 3 -") are the page's, not the report's. A statement that wraps over a line
("受理政府" / "信息公开申请 17 件") is then one sentence for every rule that reads the prose.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
from dataclasses import dataclass
from typing import Any

from gongkai.reports.audit.document import TABLE_WORDS, Document, DocumentBuilder, Slot
from gongkai.reports.audit.inputs import FORM_PDF, ReportUnreadable
from gongkai.reports.audit.sections import is_section_heading
from gongkai.reports.audit.text import parse_figure

# A cell this long, with a sentence's punctuation, is prose, not a label or a figure; so is one
# that ends a sentence.
PROSE_CELL = 30
_SENTENCE_MARK = re.compile(r"[。，；：！？]")
_SENTENCE_END = re.compile(r"[。；！？]")
_SPACES = re.compile(r"\s+")
# A page number on a line of its own, in the official form ("- 3 -", "— 3 —") or "第3页（共5页）".
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/（(]?\s*共\s*\d{1,4}\s*页[)）]?)?)\s*$"
)
# A line that starts a list item or a heading starts a paragraph of its own.
_NUMBERED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,2}\s*[、.．](?!\d))"
)
# A row of an unruled table printed as a text line: three figures in a row separated by spaces
# only, or words separated by spaces as cells are ("信息内容 本年制发件数 本年废止件数").
_FIGURE_RUN = re.compile(r"(?:(?<=\s)|^)\d[\d.,]*(?:\s+\d[\d.,]*){2}(?=\s|$)")
_CJK_GAP = re.compile(r"[\u4e00-\u9fff）)]\s+[（(\u4e00-\u9fff]")
# A paragraph's line reaches the right margin within this many characters' widths (the rules of
# line breaking push a character or two to the next line), and its continuation starts at the left
# margin within this many.
RIGHT_SLACK = 2.0
LEFT_SLACK = 0.5
# A space between characters this many characters wide parts two cells (justified prose spaces
# its characters by a fraction of one).
COLUMN_GAP = 1.5
# Lines further apart than the page's usual leading by this many characters' heights are in two
# paragraphs.
PARAGRAPH_SPACE = 0.5
_DATE_LINE = re.compile(
    r"^\s*(?:(?:19|20)\d{2}|[二〇○零一三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$"
)
# A page whose text is narrower than this many characters has no paragraphs to join (a title page).
MIN_BLOCK = 12


@dataclass(slots=True)
class _Line:
    text: str
    x0: float
    x1: float
    size: float  # the line's height: about its characters' width in CJK
    left: float  # the page's text block
    right: float
    gap: float  # the widest space between two of its characters
    top: float
    bottom: float
    page: int
    leading: float  # the page's usual space between a line and the next


@dataclass(slots=True)
class _Prose:
    """The paragraphs of a grid of prose, in reading order."""

    paragraphs: list[str]


Grid = list[list[str | None]]


@dataclass(slots=True)
class _Table:
    """A table's rows on one page, and whether its first or last row is open: a row that the page's
    end broke (Word lets a row break across pages), its vertical rules running past the last
    horizontal rule at the page's foot, or from above the first at the next page's head."""

    grid: Grid
    columns: list[float]  # where each column of the grid starts
    open_top: bool = False
    open_bottom: bool = False


_Item = tuple[float, int, "_Line | _Prose | _Table"]
# Vertical rules that run this many points past a table's last (or first) horizontal rule leave a
# row open there.
OPEN_ROW = 3.0
# The columns of a table continued on the next page start where they did, within this many points.
COLUMN_MATCH = 2.0


def pdf_document(data: bytes) -> Document:
    import pdfplumber

    # pdfminer warns on every damaged object of a broken file; the reader's own error says enough.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)

    builder = DocumentBuilder(FORM_PDF)
    writer = _ParagraphWriter(builder)
    chars = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                chars += len(page.chars)
                # A row the last page's end broke is looked for at this page's head.
                continuing = writer.held is not None and not writer.parts
                for _, _, item in _pdf_page(page, continuing):
                    if isinstance(item, _Line):
                        writer.line(item)
                    elif isinstance(item, _Prose):
                        writer.prose(item)
                    else:
                        writer.table(item)
                page.close()  # frees the page's parsed objects: memory stays flat over many reports
    except ReportUnreadable:
        raise
    except Exception as error:  # pdfminer raises many kinds of errors on broken or encrypted files
        logging.getLogger(__name__).info("unreadable PDF: %s", type(error).__name__)
        raise ReportUnreadable(
            "PDF 文件已损坏、不完整或已加密，无法读取（可用 PDF 阅读器打开检查，另存后重试）"
        ) from None
    writer.flush()
    from gongkai.reports.audit.scanned import refuse_scanned_pdf  # a scan is refused with its cause named

    refuse_scanned_pdf(data, chars)
    return builder.finish()


def _closed_tables(page: Any, found: list[Any], continuing: bool) -> list[tuple[Any, bool, bool]]:
    """The page's tables, each with whether its first and its last row are open: where its vertical
    rules run on past its first or last horizontal rule, the row there, broken by the page's end, is
    closed where they end. A table is taken so closed only when that adds the one row and leaves its
    other rows as they were (a header broken into fragments is left as found); an open first row only
    when the last page left a row open (`continuing`), to be joined to it."""
    verticals = [edge for edge in page.edges if edge["orientation"] == "v"]
    result: list[tuple[Any, bool, bool]] = []
    for table in found:
        x0, top, x1, bottom = table.bbox
        mine = [
            e for e in verticals if x0 - 1 <= e["x0"] <= x1 + 1 and e["bottom"] > top and e["top"] < bottom
        ]
        below = max((float(e["bottom"]) for e in mine), default=bottom)
        above = min((float(e["top"]) for e in mine), default=top)
        ends = ((below, below > bottom + OPEN_ROW), (above, continuing and above < top - OPEN_ROW))
        closing = [y for y, open_ in ends if open_]
        if not closing:
            result.append((table, False, False))
            continue
        grid = table.extract()
        closed = next(
            (
                candidate
                for candidate in page.find_tables({"explicit_horizontal_lines": closing})
                if candidate.bbox[0] <= x0 + 1
                and candidate.bbox[2] >= x1 - 1
                and candidate.bbox[1] <= top + 1
                and candidate.bbox[3] >= bottom - 1
            ),
            None,
        )
        rows = closed.extract() if closed is not None else []
        added = len(rows) == len(grid) + 1
        open_bottom = below in closing and added and _same_figures(grid, rows[: len(grid)])
        open_top = above in closing and added and _same_figures(grid, rows[1:])
        result.append((closed, open_top, open_bottom) if open_top or open_bottom else (table, False, False))
    return result


def _same_figures(grid: Grid, other: Grid) -> bool:
    """Whether two grids have the same columns and the same figures in each row (a merged label's
    text may sit in another of the rows it spans once a row is added under it)."""

    def figures(row: list[str | None]) -> list[str]:
        return [cell for cell in row if cell and parse_figure(cell).value is not None]

    return all(len(a) == len(b) and figures(a) == figures(b) for a, b in zip(grid, other, strict=True))


def _pdf_page(page: Any, continuing: bool = False) -> list[_Item]:
    """The page's text lines and tables, top to bottom (`continuing`: the last page's end broke a row)."""
    found = page.find_tables() if (page.lines or page.rects) else []
    tables: list[tuple[tuple[float, float, float, float], _Table]] = []
    boxes: list[tuple[float, float, float, float]] = []
    items: list[_Item] = []
    for table, open_top, open_bottom in _closed_tables(page, found, continuing):
        grid = table.extract()
        if prose_grid(grid):
            # Prose in the cells of a grid of several columns (存在的主要问题 | 改进情况): each cell a
            # paragraph, row by row, as one reads it (the page's lines would run the columns together).
            items.append(
                (table.bbox[1], 0, _Prose([_cell_paragraph(cell) for row in grid for cell in row if cell]))
            )
            boxes.append(table.bbox)
            continue
        first, last = statistics_rows(grid)
        if first < last:
            rows = [row.bbox for row in table.rows[first:last]]
            bbox = (
                min(box[0] for box in rows),
                min(box[1] for box in rows),
                max(box[2] for box in rows),
                max(box[3] for box in rows),
            )
            columns = [float(column.bbox[0]) for column in table.columns]
            edges = (open_top and first == 0, open_bottom and last == len(grid))
            tables.append((bbox, _Table(grid[first:last], columns, *edges)))
    boxes += [bbox for bbox, _ in tables]

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside) if boxes else page
    lines = [
        line
        for line in text_page.extract_text_lines(return_chars=True)
        if line["text"].strip() and not _PAGE_NUMBER.match(line["text"])
    ]
    if lines:
        left = min(line["x0"] for line in lines)
        right = _right_margin([float(line["x1"]) for line in lines], left)
        spaces = sorted(b["top"] - a["bottom"] for a, b in itertools.pairwise(lines))
        leading = spaces[len(spaces) // 2] if spaces else 0.0
        for line in lines:
            text = line["text"].replace("\t", " ")
            size = max(1.0, float(line["bottom"] - line["top"]))
            chars = line["chars"]
            gap = max((b["x0"] - a["x1"] for a, b in itertools.pairwise(chars)), default=0.0)
            geometry = (line["top"], line["bottom"], page.page_number, leading)
            items.append(
                (line["top"], 0, _Line(text, line["x0"], line["x1"], size, left, right, gap, *geometry))
            )
    for bbox, table in tables:
        items.append((bbox[1], 1, table))
    items.sort(key=lambda item: (item[0], item[1]))
    return items


def _right_margin(ends: list[float], left: float) -> float:
    """Where the page's full lines end: the most common end among the long lines (a line that ends
    with a mark may stand out past it, one that the line-breaking rules cut ends short of it)."""
    widest = max(ends)
    counts: dict[int, int] = {}
    for end in ends:
        if end - left >= 0.6 * (widest - left):
            counts[round(end)] = counts.get(round(end), 0) + 1
    return float(max(counts, key=lambda end: (counts[end], end)))


def _slots(grid: Grid) -> list[list[Slot]]:
    rows: list[list[Slot]] = []
    for row in grid:
        # pdfplumber gives None for the grid positions a merged cell covers: the cell before
        # spans them.
        slots: list[Slot] = []
        for cell in row:
            if cell is None:
                if slots:
                    text, height, width, continued = slots[-1]
                    slots[-1] = (text, height, width + 1, continued)
                continue
            slots.append((cell, 1, 1, False))
        if any(text.strip() for text, _, _, _ in slots):
            rows.append(slots)
    return rows


class _ParagraphWriter:
    """Joins the lines of a paragraph that the page width cut, then writes it to the document."""

    def __init__(self, builder: DocumentBuilder) -> None:
        self.builder = builder
        self.parts: list[str] = []
        self.last: _Line | None = None
        self.held: _Table | None = None  # a table whose last row the page's end left open

    def line(self, line: _Line) -> None:
        if self.last is not None and not _continues(self.last, line):
            self.flush()
        self.parts.append(line.text)
        self.last = line

    def prose(self, prose: _Prose) -> None:
        self.flush()
        for text in prose.paragraphs:
            if text.strip():
                self.builder.paragraph(text)

    def table(self, table: _Table) -> None:
        if self.parts:
            self.flush()  # text between the tables: a table held is written before it
        self.last = None
        grid = table.grid
        held = self.held
        self.held = None
        joined = _joined_row(held, table) if held is not None and table.open_top and grid else None
        if held is not None and joined is not None:
            # The row the page's end broke, its halves joined cell by cell.
            grid = [*held.grid[:-1], joined, *grid[1:]]
            table = _Table(grid, held.columns, open_bottom=table.open_bottom)
        elif held is not None:
            self._write(held.grid)
        if table.open_bottom:
            self.held = table  # written with the next page's first table, or when anything else comes
        else:
            self._write(grid)

    def _write(self, grid: Grid) -> None:
        for slots in _slots(grid):
            self.builder.row(slots)
        self.builder.end_table()

    def flush(self) -> None:
        if self.held is not None:
            self._write(self.held.grid)
            self.held = None
        if self.parts:
            self.builder.paragraph(_joined(self.parts))
        self.parts = []
        self.last = None


def _joined_row(upper: _Table, lower: _Table) -> list[str | None] | None:
    """The last row of `upper` and the first of `lower`, the halves of a row that a page's end broke,
    as one row: each cell's text, upper then lower, the cells matched by where their columns start
    (the table may have fewer columns on the next page). None when a cell of the lower half has no
    column above it: not the same table."""
    row = list(upper.grid[-1])
    for start, text in zip(lower.columns, lower.grid[0], strict=False):
        if not text or not text.strip():
            continue
        index = next((i for i, x in enumerate(upper.columns) if abs(x - start) <= COLUMN_MATCH), None)
        if index is None or index >= len(row):
            return None
        above = row[index]
        row[index] = f"{above}\n{text}" if above and above.strip() else text
    return row


def _joined(parts: list[str]) -> str:
    """The lines of a paragraph as one line."""
    text = parts[0]
    for part in parts[1:]:
        # Words of Latin letters or figures cut at the line's end are two words.
        glue = " " if text[-1:].isascii() and text[-1:].isalnum() and part[:1].isascii() else ""
        text = text.rstrip() + glue + part.lstrip()
    return text


def _cell_paragraph(cell: str) -> str:
    return _joined(cell.split("\n")) if cell.strip() else ""


def prose_grid(grid: Grid) -> bool:
    """Whether a grid of several columns holds prose, not figures: no cell is a figure, no table's
    words, and most of its text is in cells of sentences (a table that prints 存在的主要问题 and
    改进情况 side by side). A grid of one column is read with the page's lines (`statistics_rows`)."""
    if all(sum(1 for cell in row if cell and cell.strip()) <= 1 for row in grid):
        return False
    cells = [_SPACES.sub("", cell) for row in grid for cell in row if cell and cell.strip()]
    if any(parse_figure(cell).value is not None for cell in cells):
        return False
    text = "".join(cells)
    if any(word in text for word in TABLE_WORDS):
        return False
    sentences = sum(len(cell) for cell in cells if _is_prose(cell))
    return 2 * sentences >= len(text)


def _is_prose(text: str) -> bool:
    return bool(_SENTENCE_END.search(text) or (len(text) >= PROSE_CELL and _SENTENCE_MARK.search(text)))


def _continues(previous: _Line, line: _Line) -> bool:
    """Whether `line` continues the paragraph whose last line is `previous`."""
    size = previous.size
    if previous.right - previous.left < MIN_BLOCK * size or line.right - line.left < MIN_BLOCK * line.size:
        return False
    if previous.x1 < previous.right - RIGHT_SLACK * size or line.x0 > line.left + LEFT_SLACK * line.size:
        return False  # the paragraph ended short of the margin, or the next one is indented
    if abs(line.size - size) > 0.25 * size:
        return False  # another font size: a heading, a caption, a note
    if line.page == previous.page and line.top - previous.bottom > previous.leading + PARAGRAPH_SPACE * size:
        return False  # space between paragraphs
    if _DATE_LINE.match(line.text) or _DATE_LINE.match(previous.text):
        return False  # the date under the signature is a line of its own
    if _NUMBERED.match(line.text):
        return False
    # A section heading on a line of its own ends short of the margin (the longest is shorter than
    # a line) and its paragraph has ended above; one that reached the margin runs into the text
    # after it ("一、概述 推进政府信息公开工作是……《中华人民共和国政府信息公开工作" wrapped before
    # "条例》"): its next line continues it.
    return not (_table_like(previous) or _table_like(line))


def _table_like(line: _Line) -> bool:
    """A row of a table without rules, as a text line: its cells stand apart."""
    return (
        line.gap > COLUMN_GAP * line.size
        or bool(_FIGURE_RUN.search(line.text))
        or len(_CJK_GAP.findall(line.text)) >= 2
    )


def statistics_rows(grid: Grid) -> tuple[int, int]:
    """The rows [first, last) of a grid that the PDF's rules outline that are a table's; the others
    are prose in a frame. A statistics table has a label column and figure columns: a grid of one
    column is prose, and so are the rows of one cell at its edges up to the last (from the first)
    that holds a sentence or a section heading."""
    if all(sum(1 for cell in row if cell and cell.strip()) <= 1 for row in grid):
        return 0, 0
    kinds = [_row_kind(row) for row in grid]
    first = 0
    for index, kind in enumerate(kinds):
        if kind == "table":
            break
        if kind == "prose":
            first = index + 1
    last = len(grid)
    for index in range(len(grid) - 1, first - 1, -1):
        if kinds[index] == "table":
            break
        if kinds[index] == "prose":
            last = index
    return first, last


def _row_kind(row: list[str | None]) -> str:
    """ "table" for a row of several cells or of a table's words; "prose" for one cell of prose or a
    section heading; "line" for one other cell or none."""
    filled = [cell for cell in row if cell and cell.strip()]
    if len(filled) > 1:
        return "table"
    if not filled:
        return "line"
    text = _SPACES.sub("", filled[0])
    if any(word in text for word in TABLE_WORDS):
        return "table"
    if _is_prose(text) or is_section_heading(text):
        return "prose"
    return "line"
