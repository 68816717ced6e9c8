"""A table's header read into its columns by the lexicon's headings, whatever the input form.

Table 三 and table 四 print headers of two or three levels: 法人或其他组织 over five columns,
行政诉讼 over 未经复议直接起诉 and 复议后起诉, each over the five outcomes. Grids give these headers
in many shapes: with rowspan and colspan (HTML, DOCX), with the spans lost and the cells shifted
(a PDF's extraction, the seeds' text), in another column order, with a regional column added.
The header is therefore read by its headings, not by positions: the headings of `report_formats.json`
(a column's label "法人或其他组织/商业企业" is the heading 商业企业 under the heading 法人或其他组织)
form a tree; each heading printed, row by row and left to right, is placed under the first heading
already read that can hold it and does not hold it yet, or else at the top. Where the form gives
each cell's grid columns (rowspan and colspan kept), a heading goes only under one whose columns
cover its own, and the columns are ordered by position; where that does not make a whole header
(spans lost, cells shifted), the headings' order alone decides. The columns are the tree's leaves
in the order so built. A heading the lexicon does not know, printed after a known one
in its row, is a column of its own that is not read (a regional extra); one printed before any
(over the row labels) and notes in brackets are not columns.

The header is recognised when every column of the format was found, each once. A header that lacks
some headings but holds only the table's own, in the format's order (`in_the_format_order`: a PDF's
extraction loses narrow cells), is read as the format's columns, in its order, for rows that print
exactly that many figures: nothing read contradicts that reading, and no other fits. Otherwise
`columns()` is None, and the table's figures are not mapped (the reader says `ambiguous_cell` and
`tables_unread`), never guessed by position.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from gongkai.reports.audit.text import normalise
from gongkai.reports.formats import FORMAT_2021, spec


@dataclass(frozen=True)
class Heading:
    """A heading of the lexicon: how it is printed, the column key of a heading with nothing under
    it, and the headings under it."""

    cores: tuple[str, ...]
    key: str | None = None
    children: tuple[Heading, ...] = ()

    def child(self, text: str) -> Heading | None:
        return next((child for child in self.children if text in child.cores), None)

    def leaves(self) -> list[str]:
        if not self.children:
            return [self.key] if self.key else []
        return [key for child in self.children for key in child.leaves()]


@dataclass
class _Node:
    cores: list[str]
    key: str | None = None
    children: dict[str, _Node] = field(default_factory=dict)

    def freeze(self) -> Heading:
        return Heading(tuple(self.cores), self.key, tuple(child.freeze() for child in self.children.values()))


def _add(parent: _Node, path: list[str], key: str | None, variants: dict[str, list[str]]) -> _Node:
    node = parent
    for label in path:
        text = normalise(label)
        if text not in node.children:
            cores = [text] + [normalise(v) for v in variants.get(label, []) if normalise(v) != text]
            node.children[text] = _Node(cores)
        node = node.children[text]
    node.key = key
    return node


@cache
def header_tree(table: str) -> Heading:
    """The headings of table 三 ("requests") or table 四 ("appeals"); both formats share them."""
    tables = spec()["formats"][FORMAT_2021]["tables"]
    header = tables[table]["header"]
    root = _Node([])
    if table == "requests":
        groups = header.get("group_variants", {})
        for column, label in tables[table]["columns"].items():
            *path, leaf = str(label).split("/")
            variants = {**groups, leaf: header.get("column_variants", {}).get(column, [])}
            _add(root, [*path, leaf], column, variants)
    else:
        outcomes = tables[table]["columns"]
        for row, label in tables[table]["rows"].items():
            *path, leaf = str(label).split("/")
            node = _add(root, [*path, leaf], None, {leaf: header.get("row_variants", {}).get(row, [])})
            for column, outcome in outcomes.items():
                _add(
                    node,
                    [outcome],
                    f"{row}.{column}",
                    {outcome: header.get("column_variants", {}).get(column, [])},
                )
    return root.freeze()


@dataclass
class _Placed:
    heading: Heading | None  # None: a heading the lexicon does not know (a column not read)
    text: str
    column: int = 0  # the grid columns it covers, where the form gives them
    span: int = 1 << 30
    children: list[_Placed] = field(default_factory=list)

    def open(self) -> bool:
        """Whether headings may still come under this one."""
        if self.heading is None or not self.heading.children:
            return False
        held = {child.heading for child in self.children if child.heading is not None}
        return len(held) < len(self.heading.children)

    def covers(self, column: int, span: int) -> bool:
        return self.column <= column and column + span <= self.column + self.span


# A header cell as read: its text and, where the form gives them, its grid column and span.
HeaderCell = tuple[str, int, int]


class _Reading:
    """One way of reading the header rows: by the headings' order alone, or also by the grid
    columns each heading covers (a heading then goes only under one whose columns hold it)."""

    def __init__(self, tree: Heading, positions: bool) -> None:
        self.tree = tree
        self.positions = positions
        self.top = _Placed(tree, "")
        self.placed = 0

    def feed(self, cells: list[HeaderCell]) -> bool:
        placed_before: _Placed | None = None  # where the row's last heading went
        found = False
        for text, column, span in cells:
            if not self.positions:
                column, span = 0, 1
            parent = self._place(text, column, span)
            if parent is not None:
                found = True
                self.placed += 1
                placed_before = parent
            elif placed_before is not None:
                placed_before.children.append(_Placed(None, text, column, span))
        return found

    def _open(self, node: _Placed) -> list[_Placed]:
        found = [node] if node.open() else []
        for child in node.children:
            found.extend(self._open(child))
        return found

    def _place(self, text: str, column: int, span: int) -> _Placed | None:
        """Put the heading under the first open heading that can hold it; the parent, or None."""
        for parent in self._open(self.top):
            assert parent.heading is not None
            if self.positions and not parent.covers(column, span):
                continue
            heading = parent.heading.child(text)
            if heading is not None and all(child.heading is not heading for child in parent.children):
                parent.children.append(_Placed(heading, text, column, span))
                return parent
        return None

    def columns(self) -> list[str] | None:
        keys: list[str] = []
        complete = True

        def walk(node: _Placed) -> None:
            nonlocal complete
            children = (
                sorted(node.children, key=lambda child: child.column) if self.positions else node.children
            )
            for child in children:
                if child.heading is None:
                    keys.append("")
                elif child.heading.children:
                    if not child.children:
                        complete = False
                    walk(child)
                elif child.heading.key:
                    keys.append(child.heading.key)

        walk(self.top)
        known = [key for key in keys if key]
        if not complete or sorted(known) != sorted(self.tree.leaves()):
            return None
        return keys


class HeaderReader:
    """Reads the header rows of one table, in order, into its columns: by the grid columns the
    headings cover where they make a whole header (a page with rowspan and colspan), else by the
    headings' order alone (a grid whose spans were lost)."""

    def __init__(self, tree: Heading) -> None:
        self.tree = tree
        self.readings = (_Reading(tree, True), _Reading(tree, False))
        self.texts: list[str] = []

    @property
    def placed(self) -> int:
        return self.readings[1].placed

    def feed(self, cells: list[str] | list[HeaderCell]) -> bool:
        """One header row's cells; whether it held a heading of the table."""
        row: list[HeaderCell] = []
        for index, cell in enumerate(cells):
            raw, column, span = cell if isinstance(cell, tuple) else (cell, index, 1)
            text = normalise(raw)
            if not text or (text.startswith("(") and text.endswith(")")):
                continue
            self.texts.append(text)
            row.append((text, column if column >= 0 else index, span))
        found = [reading.feed(row) for reading in self.readings]
        return found[1]

    def columns(self) -> list[str] | None:
        """The columns' keys in printed order ("" for a column not read), or None when the header
        does not hold every column of the table exactly once."""
        for reading in self.readings:
            columns = reading.columns()
            if columns is not None:
                return columns
        return None

    def in_the_format_order(self) -> bool:
        """Whether the header, though it lacks headings, holds nothing but the table's own headings,
        each once and in the format's order: what a PDF's extraction leaves of a header whose narrow
        cells it lost. Its columns are then the format's, in the format's order; a heading unknown,
        repeated or out of that order makes it unrecognised."""
        reading = self.readings[1]
        if not self.texts or reading.placed != len(self.texts):
            return False

        def ordered(node: _Placed) -> bool:
            if node.heading is None:
                return False
            order = [node.heading.children.index(child.heading) for child in node.children if child.heading]
            if len(order) != len(node.children) or order != sorted(order):
                return False
            return all(ordered(child) for child in node.children)

        return ordered(reading.top)

    def description(self) -> str:
        return "、".join(self.texts[:12]) or "（无）"
