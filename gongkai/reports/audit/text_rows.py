"""Tables pasted as paragraph lines: a label followed by its figures on one line.

A table copied without its cells leaves lines such as "行政规范性文件 14 60 265" or, cells run
together, "（一）收到申请数件60". Such a line is read here by the lexicon's labels (`found`,
`lexicon`) into a row whose figures are one text (`RawRow.run`), split later into its cells under
the table's own sums (`runtogether`). Only the tables the grids did not give are looked for.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from gongkai.reports.audit.found import (
    APPEALS,
    CUMULATIVE,
    ITEM20,
    OLD_TABLE,
    REQUESTS,
    RawRow,
    Recognition,
    is_figure,
    item20_key,
)
from gongkai.reports.audit.headers import header_tree
from gongkai.reports.audit.layout import Cell
from gongkai.reports.audit.lexicon import (
    appeal_header_words,
    appeal_table_label,
    has_item20_title,
    item20_column_keywords,
    item20_header_stub,
    old_column_kind,
    old_header,
    old_value_columns,
    request_header_words,
)
from gongkai.reports.audit.text import NUMBERING, normalise, numbering_segments, squeeze, strip_numbering
from gongkai.reports.formats import REQUEST_COLUMNS

# The figures at the end of a line pasted from a table: digits, signs, points and spaces. Every
# character has one way to match (a sign follows a digit or a space, never both), so a long run of
# digits that fails at its end cannot backtrack exponentially (the 76-byte upload of issue 8).
_TRAILING_FIGURES = re.compile(r"(?P<figures>[+-]?\d(?:[\d.]|[+-]\d|\s+[+-]?\d)*)\s*$")
# A unit printed in a column heading ("本年收费金额（单位：万元）").
UNIT_IN_HEADING = re.compile(r"\((?:单位:)?(万元|元|亿元)\)")
_LONGEST_LINE = 160  # a table row pasted as a line is shorter; a longer line is prose


@cache
def _old_row_pattern() -> re.Pattern[str]:
    """An old-table row pasted as text: label, unit (the lexicon's units), figure ("收到申请数件60")."""
    units = "|".join(re.escape(unit) for unit in sorted(old_header().units, key=len, reverse=True))
    return re.compile(rf"^(?P<label>.+?)(?P<unit>{units}|——|—|-)?\s*(?P<figures>[\d.\s]*)$")


def read_text_line(state: Recognition, line: str, number: int, kinds: set[str]) -> None:
    """One paragraph line, looked at for the tables of `kinds` (the tables still to be found)."""
    text = unicodedata.normalize("NFKC", line).strip()
    if not text or len(text) > _LONGEST_LINE:
        return
    compact = squeeze(text)
    if any(word in compact for word in old_header().words):
        if OLD_TABLE in kinds:
            state.start_old_table()
            state.old_text_header = text
            fields = text.split("\t")
            state.old_tab_kinds = [old_column_kind(field) for field in fields] if len(fields) > 1 else None
        return
    if state.context == OLD_TABLE:
        _old_text_row(state, text, number)
        return
    trailing = _TRAILING_FIGURES.search(text)
    figures = trailing.group("figures").strip() if trailing else ""
    label = squeeze(text[: trailing.start()]) if trailing else compact
    run = Cell(figures, number)
    if ITEM20 in kinds and _item20_line(state, compact, label, figures, run):
        return
    if REQUESTS in kinds and any(word in compact for word in request_header_words()):
        state.context = REQUESTS
        state.request_group = None
        return
    # A row of table 三 starts with its number and has a figure for each of its seven cells;
    # a sentence of the text that ends with a figure does not.
    if (
        REQUESTS in kinds
        and NUMBERING.match(label)
        and sum(c.isdigit() for c in figures) >= len(REQUEST_COLUMNS)
    ):
        segments = [strip_numbering(segment) for segment in numbering_segments(label)]
        labels = [Cell(segment, number) for segment in segments]
        if state.request_labels(segments, labels, None, run):
            return
    if APPEALS in kinds:
        _appeals_line(state, compact, label, figures, run)


def _item20_line(state: Recognition, compact: str, label: str, figures: str, run: Cell) -> bool:
    """A title, header or row of table 二; whether the line was one."""
    headings_follow, state.item20_headings_follow = state.item20_headings_follow, False
    if has_item20_title(compact):
        state.context = ITEM20
        state.item20_columns = None
        return True
    stub = next((word for word in item20_header_stub() if compact.startswith(word)), None)
    columns, units = run_together_columns(compact[len(stub) :]) if stub else ([], {})
    if columns:
        state.context = ITEM20
        state.set_item20_columns(columns, units)
        return True
    if stub == compact and state.context == ITEM20:
        # The header's label heading on a line of its own (a table copied one cell a line): its
        # column headings follow, each on its line.
        state.set_item20_columns([], {})
        state.item20_headings_follow = True
        return True
    if headings_follow and not figures:
        columns, units = run_together_columns(compact)
        if columns:
            state.add_item20_columns(columns, units)
            state.item20_headings_follow = True
            return True
    found = item20_key(strip_numbering(label))
    if found is not None and (figures or state.context == ITEM20):
        state.add_item20_row(found, label, None, run)
        return True
    return False


def _appeals_line(state: Recognition, compact: str, label: str, figures: str, run: Cell) -> None:
    """Table 四's header, or its one row of figures."""
    if all(word in compact for word in appeal_header_words()) and not figures:
        state.context = APPEALS
        return
    if state.context == APPEALS and not label and len(re.sub(r"\D", "", figures)) >= 15:
        state.tables.add(
            RawRow(APPEALS, None, appeal_table_label(), run=run, columns=header_tree(APPEALS).leaves())
        )
        state.context = None


def _old_text_row(state: Recognition, text: str, number: int) -> None:
    """A row of the old table pasted as a line: "主动公开信息数 条 2026 3542". Under a header with a
    历年累计 column beside the year's (read from the header's own line and the lines of headings
    after it), the row's figures are held as one text under `<key>` and `<key>.cumulative`, split
    as the stream's and the grids' rows are (`runtogether`); the rows printed under a total are
    recorded for the table's own sums."""
    # The figures keep the spaces between them: they tell the cells apart.
    match = _old_row_pattern().match(text.replace("\u3000", " "))
    if not match:
        return
    figures = " ".join(match.group("figures").split())
    if state.old_text_header is not None:
        if not figures and old_column_kind(text) is not None:
            state.old_text_header += " " + text  # a heading printed on a line of its own
            state.old_tab_kinds = None
            return
        state.old_columns = old_value_columns(state.old_text_header)
        state.old_text_header = None
    label = normalise(match.group("label"))
    key = state.old_key(label)
    if key is None:
        return
    state.old_child(key, label)
    keys = [key + suffix for suffix in state.old_columns]
    by_tabs = _tab_cells(state, text, key, number)
    if by_tabs is not None:
        # Cells split by tabs as the header's are: each figure in its column, an empty cell blank.
        values, keys = by_tabs
        row = RawRow(OLD_TABLE, key, label, values=values, columns=[key], keys=keys)
    elif len(keys) > 1:
        row = RawRow(OLD_TABLE, key, label, run=Cell(figures, number), columns=[key], keys=keys)
    else:
        value = Cell(figures.replace(" ", ""), number)
        row = RawRow(OLD_TABLE, key, label, values=[value], columns=[key], keys=keys)
    state.tables.add(row)


def _tab_cells(state: Recognition, text: str, key: str, number: int) -> tuple[list[Cell], list[str]] | None:
    """The value cells of a row whose cells are split by tabs, as many as its header's (a table
    copied out of Word keeps an empty cell as two tabs): (cells, keys), or None for another row."""
    kinds = state.old_tab_kinds
    fields = text.split("\t")
    if kinds is None or len(fields) != len(kinds) or "cumulative" not in kinds:
        return None
    suffixes = {"current": "", "cumulative": CUMULATIVE}
    cells = [
        Cell(field.strip(), number) for field, kind in zip(fields, kinds, strict=True) if kind in suffixes
    ]
    if not all(is_figure(cell) for cell in cells):
        return None
    return cells, [key + suffixes[kind] for kind in kinds if kind in suffixes]


def run_together_columns(text: str) -> tuple[list[str], dict[str, str]]:
    """Column headings that ran together ("本年制发件数本年废止件数现行有效件数"): keys in printed order."""
    found: list[tuple[int, int, str]] = []
    for word, key in item20_column_keywords():
        start = text.find(word)
        while start >= 0:
            # "处理决定" inside "本年处理决定数量" is one heading, not two.
            if not any(a <= start < b for a, b, _ in found):
                found.append((start, start + len(word), key))
            start = text.find(word, start + 1)
    found.sort()
    columns = [key for _, _, key in found]
    units: dict[str, str] = {}
    for index, (_, end, key) in enumerate(found):
        limit = found[index + 1][0] if index + 1 < len(found) else len(text)
        unit = UNIT_IN_HEADING.search(text, end, limit)
        if unit:
            units[key] = unit.group(1)
    return columns, units
