"""The line-oriented text of a report as paragraphs and table rows.

Every input form is decoded into the text of the seeds: a table cell is a line that starts with a
tab (its further lines follow without one), the rows of a table are separated by a blank line, and
anything else is a paragraph line. Line numbers count from 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Cell:
    text: str  # the cell's lines joined by "\n", without the leading tab
    line: int
    column: int = -1  # the grid column it starts at, where the form gives one (`document.GridCell`)
    colspan: int = 1


@dataclass(slots=True)
class Row:
    cells: list[Cell]
    line: int
    table: int  # the physical table it belongs to (rows with no paragraph between them)


@dataclass
class Layout:
    rows: list[Row] = field(default_factory=list)
    text_lines: list[int] = field(default_factory=list)  # non-blank paragraph lines


def parse_layout(lines: list[str]) -> Layout:
    layout = Layout()
    row: Row | None = None
    table = -1
    paragraph_since_row = True
    for number, line in enumerate(lines, start=1):
        if line.startswith("\t"):
            if row is None:
                if paragraph_since_row:
                    table += 1
                    paragraph_since_row = False
                row = Row([], number, table)
            row.cells.append(Cell(line[1:], number))
        elif not line.strip():
            if row is not None:
                layout.rows.append(row)
                row = None
        elif row is not None:
            # A cell's further lines: the seeds print a multi-line cell this way.
            row.cells[-1].text += "\n" + line
        else:
            layout.text_lines.append(number)
            paragraph_since_row = True
    if row is not None:
        layout.rows.append(row)
    return layout
