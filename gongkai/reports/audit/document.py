"""A published report as the reader sees it, whatever form it came in: paragraphs and tables.

Each input form has its adapter (`inputs`: text, HTML, DOCX, PDF) that builds a `Document`
directly: paragraphs with their line numbers, and tables as grids of cells (row, column, rowspan,
colspan, header or body, and the line where the cell's text is). The line numbers count in
`Document.lines`, the text the report was read as, which the pages show and evidence cites: a
paragraph is a line; a table cell is a tab-indented line (its further lines follow without a tab)
and a blank line ends each row, so that line numbers mean the same in every form.

A position that a cell above covers (HTML rowspan, Word's vertical merge) is a `GridCell` of its
own with `continued=True` and no text, as Word prints it: the recogniser reads rows as they print.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from gongkai.reports.audit.layout import Cell, Layout, Row
from gongkai.reports.audit.lexicon import table_words
from gongkai.reports.audit.text import parse_figure


class ReportUnreadable(ValueError):
    """The file cannot be read as a report; the message says why, in Chinese."""


# Words that only the statistics tables print (`report_formats.json`, reader.table_words).
TABLE_WORDS = table_words()


@dataclass(slots=True)
class GridCell(Cell):
    """A cell of a table's grid: its text, the line where its text starts in `Document.lines`, the
    grid column it starts at (from 0) and its colspan (`layout.Cell`), and more."""

    row: int = 0  # from 0, within its table
    rowspan: int = 1
    header: bool = False  # a heading: in a row without any figure
    continued: bool = False  # a position the cell above covers (rowspan, vertical merge)


@dataclass
class Table:
    cells: list[GridCell] = field(default_factory=list)
    rows: list[list[GridCell]] = field(default_factory=list)


@dataclass(slots=True)
class Paragraph:
    text: str
    line: int


@dataclass
class Document:
    lines: list[str]
    form: str
    encoding: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    # The text adapter found tables joined into long lines (the whole report on one line).
    flattened: bool = False
    # The publication date that the page's metadata gives (HTML <meta name="PubDate">), if any.
    published_on: date | None = None

    @property
    def text_lines(self) -> list[int]:
        return [paragraph.line for paragraph in self.paragraphs]

    def layout(self) -> Layout:
        """The rows of every table as the recogniser reads them, and the paragraph lines."""
        layout = Layout(text_lines=self.text_lines)
        for index, table in enumerate(self.tables):
            for cells in table.rows:
                if cells:
                    layout.rows.append(Row(list[Cell](cells), cells[0].line, index))
        return layout


# One slot of a row as an adapter gives it: text, rowspan, colspan, continued.
Slot = tuple[str, int, int, bool]


class DocumentBuilder:
    """Builds a `Document` and its lines as an adapter walks the report in reading order."""

    def __init__(self, form: str, encoding: str | None = None) -> None:
        self.document = Document([], form, encoding)
        self.lines = self.document.lines
        self._table: Table | None = None

    def paragraph(self, text: str) -> None:
        """A paragraph line (a blank one only keeps its place in the lines)."""
        if text.strip():
            self._table = None
            self.document.paragraphs.append(Paragraph(text, len(self.lines) + 1))
        self.lines.append(text)

    def blank(self) -> None:
        self.lines.append("")

    def row(self, slots: Iterable[Slot]) -> None:
        """A table row; the first row after a paragraph starts a new table."""
        if self._table is None:
            self._table = Table()
            self.document.tables.append(self._table)
        table = self._table
        number = len(table.rows)
        cells: list[GridCell] = []
        column = 0
        for text, rowspan, colspan, continued in slots:
            if "\n" in text or "\t" in text:
                parts = [part.replace("\t", " ") for part in text.split("\n") if part.strip()]
            else:
                parts = [text] if text and not text.isspace() else []
            cell = GridCell(
                "\n".join(parts),
                len(self.lines) + 1,
                column,
                colspan,
                row=number,
                rowspan=rowspan,
                continued=continued,
            )
            self.lines.append("\t" + (parts[0] if parts else ""))
            self.lines.extend(parts[1:])
            cells.append(cell)
            column += colspan
        _mark_header(cells)
        table.cells.extend(cells)
        table.rows.append(cells)
        self.lines.append("")

    def end_table(self) -> None:
        self.lines.append("")

    def finish(self) -> Document:
        return self.document


def from_lines(lines: list[str], form: str, encoding: str | None = None) -> Document:
    """The text adapter's structure: the seeds' layout (a cell is a tab-indented line, its further
    lines follow without one; a blank line ends a row; a paragraph between rows ends a table). A
    row whose cells are all empty holds nothing and is left out of the grid (its lines stay)."""
    document = Document(lines, form, encoding)
    table: Table | None = None
    row: list[list[str | int]] | None = None  # [text, line] of each cell of the row under way
    filled = False  # whether the row under way has a cell with text
    for number, line in enumerate(lines, start=1):
        if line[:1] == "\t":
            if row is None:
                row = []
                filled = False
            text = line[1:]
            row.append([text, number])
            if not filled and text and not text.isspace():
                filled = True
        elif not line or line.isspace():
            if row is not None and filled:
                table = _add_row(document, table, row)
            row = None
        elif row is not None:
            row[-1][0] = f"{row[-1][0]}\n{line}"  # a cell's further lines
            filled = True
        else:
            document.paragraphs.append(Paragraph(line, number))
            table = None
    if row is not None and filled:
        _add_row(document, table, row)
    return document


def _add_row(document: Document, table: Table | None, row: list[list[str | int]]) -> Table:
    """A row with text in it, as grid cells (a row of empty cells, as adversarial text can hold
    hundreds of thousands, costs no object)."""
    if table is None:
        table = Table()
        document.tables.append(table)
    number = len(table.rows)
    cells = [GridCell(str(text), int(line), column, row=number) for column, (text, line) in enumerate(row)]
    table.rows.append(cells)
    table.cells.extend(cells)
    _mark_header(cells)
    return table


def _mark_header(row: list[GridCell]) -> None:
    header = not any(_is_number(cell.text) for cell in row)
    for cell in row:
        cell.header = header


_DIGIT = re.compile(r"\d")


def _is_number(text: str) -> bool:
    if text.isascii() and text.isdigit():
        return True  # most figures: answered without parsing
    return bool(_DIGIT.search(text)) and parse_figure(text).value is not None


def iter_cells(document: Document) -> Iterator[GridCell]:
    for table in document.tables:
        yield from table.cells
