"""The tables found in a report, row by row, and what the recognisers share while finding them.

Two recognisers read a report's tables: one over the grids of the `Document` (`tables`), one over
paragraph lines that hold a table pasted as text (`text_rows`). They share the state kept here (the
table being read, its header's columns, the group of rows of table 三 under way) and the lexicon
look-ups (`lexicon`, `headers`): no label is written in the code.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from gongkai.reports.audit.headers import HeaderReader, header_tree
from gongkai.reports.audit.layout import Cell
from gongkai.reports.audit.lexicon import (
    item20_column_format,
    item20_label_endings,
    item20_row_of_label,
    item20_title,
    old_label_key,
    request_row_groups,
    request_row_of_label,
)
from gongkai.reports.audit.text import parse_figure, strip_numbering
from gongkai.reports.formats import FORMAT_2008, FORMAT_2019, FORMAT_2021, REQUEST_COLUMNS

OLD_TABLE = "old_table"
REQUESTS = "requests"
APPEALS = "appeals"
ITEM20 = "item20"
CUMULATIVE = ".cumulative"  # the key suffix of a regional 历年累计 column

# A row printed under a total: "1、", "2." (not "2013年").
_NUMBERED = re.compile(r"\d{1,2}[、.,](?!\d)")

# The rows that only one format prints: finding them tells the format.
_REQUEST_ROW_FORMAT = {
    "other_no_correction": FORMAT_2021,
    "other_fee_unpaid": FORMAT_2021,
    "other_other": FORMAT_2021,
    "other_processing": FORMAT_2019,
}


@dataclass
class RawRow:
    """A table row as found: the table, the row key, and its value cells, or the figures as one
    text when the cells ran together."""

    table: str
    row: str | None
    label: str
    values: list[Cell] | None = None
    run: Cell | None = None
    columns: list[str] | None = None  # column keys (from the header) in the order of the values
    unit: str | None = None  # a unit printed in the column heading
    # The cells' keys, where the row was read from a stream or holds regional cells (历年累计).
    keys: list[str] | None = None
    # Why the row's figures could not be mapped to columns (its table's header was not
    # recognised): its cells are left unread, never guessed by position.
    unmapped: str | None = None


@dataclass
class FoundTables:
    rows: list[RawRow] = field(default_factory=list)
    found: list[str] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)
    # Regional old-table rows: a total → the rows printed under it ("其中：1. 2."), as the stream's.
    children: dict[str, list[str]] = field(default_factory=dict)

    def add(self, row: RawRow) -> None:
        self.rows.append(row)
        if row.table not in self.found:
            self.found.append(row.table)

    def format(self) -> str | None:
        """The format the structure shows, or None when it shows none (then the year decides)."""
        if self.votes[FORMAT_2019] or self.votes[FORMAT_2021]:
            return FORMAT_2021 if self.votes[FORMAT_2021] >= self.votes[FORMAT_2019] else FORMAT_2019
        if OLD_TABLE in self.found:
            return FORMAT_2008
        return None

    def has_new_tables(self) -> bool:
        """Tables of the 2019/2021 formats, whichever of the two they are."""
        return any(name != OLD_TABLE for name in self.found)

    def unmapped_tables(self) -> set[str]:
        """The tables found whose header was not recognised (their figures were not mapped)."""
        return {row.table for row in self.rows if row.unmapped is not None}


def is_figure(cell: Cell) -> bool:
    return parse_figure(cell.text).readable


def item20_key(label: str) -> tuple[str, str] | None:
    """The table 二 row a label names, by the lexicon (`report_formats.json`)."""
    rows = item20_row_of_label()
    label = strip_numbering(label)
    found = rows.get(label)
    if found is None:
        ending = next((word for word in item20_label_endings() if label.endswith(word)), None)
        if ending and label[: -len(ending)] in rows:
            found = rows[label[: -len(ending)]]
    return found


class Recognition:
    """The state of reading a report's tables in order, and the steps both recognisers take."""

    def __init__(self) -> None:
        self.tables = FoundTables()
        self.context: str | None = None
        self.item20_columns: list[str] | None = None
        self.item20_units: dict[str, str] = {}
        # A 第二十条 item's header copied one cell a line: its column headings follow, one a line.
        self.item20_headings_follow = False
        self.request_group: str | None = None
        self.request_header: HeaderReader | None = None
        self.request_columns: list[str] | None = None
        self.appeal_header: HeaderReader | None = None
        self.old_previous: str | None = None
        self.old_used: set[str] = set()
        self.old_parent: str | None = None  # the last row not printed under another ("其中")
        # The old table's value columns as key suffixes ("" the year's, ".cumulative" 历年累计), and
        # the text of its header while the header's lines are read (`text_rows`).
        self.old_columns: list[str] = [""]
        self.old_text_header: str | None = None
        # The kind of each tab-separated heading of a header pasted as one line (None: not so).
        self.old_tab_kinds: list[str | None] | None = None

    # --- table 二 -----------------------------------------------------------------------------

    def set_item20_columns(self, columns: list[str], units: dict[str, str]) -> None:
        self.item20_columns = None
        self.item20_units = {}
        self.add_item20_columns(columns, units)

    def add_item20_columns(self, columns: list[str], units: dict[str, str]) -> None:
        """Columns of a 第二十条 item's header, after those read so far (a header whose headings
        are on lines of their own is read one heading at a time)."""
        self.item20_columns = [*(self.item20_columns or []), *columns] or None
        self.item20_units = {**self.item20_units, **units}
        formats = item20_column_format()
        for key in columns:
            if key in formats:
                self.tables.votes[formats[key]] += 1

    def add_item20_row(
        self, found: tuple[str, str], label: str, values: list[Cell] | None, run: Cell | None
    ) -> None:
        table, row = found
        self.context = ITEM20
        unit = self.item20_units.get("amount") if table == "item20_9" else None
        unmapped = None
        if values is not None and len(values) > 1 and self.item20_columns is None:
            # Figures in several columns with no header to tell which is which.
            unmapped = f"表二{item20_title(table)}未见表头（信息内容及各列名称），各数字属于哪一列无法确定"
        self.tables.add(
            RawRow(
                table,
                row,
                label,
                values=values,
                run=run,
                columns=self.item20_columns,
                unit=unit,
                unmapped=unmapped,
            )
        )
        if row == "other_services" or table == "item20_9":
            self.tables.votes[FORMAT_2019] += 1

    # --- table 三 -----------------------------------------------------------------------------

    def start_requests(self) -> None:
        self.context = REQUESTS
        self.request_group = None
        self.request_header = HeaderReader(header_tree(REQUESTS))
        self.request_columns = None

    def request_labels(
        self,
        texts: list[str],
        labels: list[Cell],
        values: list[Cell] | None,
        run: Cell | None,
        columns: list[str] | None = None,
        unmapped: str | None = None,
    ) -> bool:
        """A row of table 三 by its label cells (the group heading and the row's own label)."""
        specific: str | None = None
        single_other = False
        for text in texts:
            if not text:
                continue
            if any(word in text for word, g in request_row_groups() if g == "results"):
                continue  # 三、本年度办理结果: the heading over every result row
            group = next((g for word, g in request_row_groups() if text.startswith(word)), None)
            if group is not None:
                self.request_group = group
                single_other |= group == "other"
                continue
            specific = text
        row: str | None = None
        if specific is None:
            if single_other:
                row = "other_processing"  # 2019: a single （六）其他处理 row
        else:
            row = request_row_of_label(specific, self.request_group)
        if row is None:
            return False
        if values is not None and not any(is_figure(cell) for cell in values):
            return False
        self.context = REQUESTS
        label = "".join(cell.text for cell in labels)
        self.tables.add(
            RawRow(
                REQUESTS,
                row,
                label,
                values=values,
                run=run,
                columns=columns if columns is not None else list(REQUEST_COLUMNS),
                unmapped=unmapped,
            )
        )
        if row in _REQUEST_ROW_FORMAT:
            self.tables.votes[_REQUEST_ROW_FORMAT[row]] += 1
        return True

    # --- the old table ------------------------------------------------------------------------

    def start_old_table(self) -> None:
        self.context = OLD_TABLE
        self.old_previous = None
        self.old_used = set()
        self.old_parent = None
        self.old_columns = [""]
        self.old_text_header = None
        self.old_tab_kinds = None

    def old_key(self, label: str) -> str | None:
        """The old-table row a label names (the lexicon's keys and their variants; regional rows
        give their extra key)."""
        found = old_label_key(label, self.old_previous, self.old_used)
        if found is None:
            return None
        self.old_previous = found.key
        self.old_used.add(found.key)
        return found.key

    def old_child(self, key: str, label: str) -> None:
        """The rows printed under a total ("其中：1、网站公开", "2、政府公报公开"), as the stream
        records them (`StreamTables.children`)."""
        if label.startswith("其中") or _NUMBERED.match(label):
            if self.old_parent is not None:
                self.tables.children.setdefault(self.old_parent, []).append(key)
        else:
            self.old_parent = key
