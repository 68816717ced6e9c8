"""Recognising the statistics tables in a report's grids and mapping each figure to its cell.

Tables are recognised by their labels, not their position, and every label comes from the lexicon
(`report_formats.json`, read by `lexicon` and `headers`): the rows of table 二 by the 第二十条 item
names, its columns by the header row (信息内容 | 本年制发件数 | …); table 三 by its row labels and
its columns by its header (自然人 / 法人或其他组织 over 商业企业 … / 总计, `headers`); table 四 by its
two- or three-level header; the old table (统计指标 / 单位 / 统计数) by its indicator names and its
header's columns. A body row's figures are mapped to the columns its table's header gave, counted
from the row's end (a row's label cells vary in number, its figures do not); a table whose header
was not recognised has its rows found but not mapped (`RawRow.unmapped`): nothing is guessed.

The format ("2008", "2019", "2021") follows from the structure found: 2019 has 本年新制作数量 and
第（九）项 and a single （六）其他处理 row; 2021 has 本年制发件数 / 现行有效件数 and three （六） rows.
Paragraph lines that hold a table pasted as text are read after the grids (`text_rows`).
"""

from __future__ import annotations

from gongkai.reports.audit.found import (
    APPEALS,
    CUMULATIVE,
    ITEM20,
    OLD_TABLE,
    REQUESTS,
    FoundTables,
    RawRow,
    Recognition,
    is_figure,
    item20_key,
)
from gongkai.reports.audit.headers import HeaderCell, HeaderReader, header_tree
from gongkai.reports.audit.layout import Cell, Layout, Row
from gongkai.reports.audit.lexicon import (
    appeal_header_words,
    appeal_table_label,
    has_item20_title,
    item20_column_keywords,
    item20_header_stub,
    old_column_kind,
    old_header,
    request_header_words,
)
from gongkai.reports.audit.text import normalise, parse_figure, strip_numbering
from gongkai.reports.audit.text_rows import UNIT_IN_HEADING, read_text_line
from gongkai.reports.formats import REQUEST_COLUMNS, spec

__all__ = ["APPEALS", "OLD_TABLE", "REQUESTS", "FoundTables", "RawRow", "item20_columns", "recognise_tables"]


# The widest table of a report (四) has 15 figures and a label; a row of far more cells is the cells
# of a whole table or more run into one row (text copied without blank lines), which `stream` reads.
MAX_ROW_CELLS = 64


# A report's tables have a few hundred rows at most; rows beyond these are no report's (an
# appendix of that length before the tables would leave them unread, and `tables_unread` says so).
MAX_GRID_ROWS = 5000


def _header_cells(cells: list[Cell]) -> list[HeaderCell]:
    return [(cell.text, cell.column, cell.colspan) for cell in cells]


def _label(cells: list[Cell]) -> str:
    return "".join(normalise(cell.text) for cell in cells)


def item20_header_columns(names: list[str]) -> tuple[list[str], dict[str, str]]:
    """The columns of a table 二 item's header row ("本年制发件数 | 本年废止件数 | …"): the key of
    each heading ("" where it holds no column word) and the units printed in them."""
    columns: list[str] = []
    units: dict[str, str] = {}
    for name in names:
        if not name:
            continue
        key = next((key for word, key in item20_column_keywords() if word in name), "")
        columns.append(key)
        unit = UNIT_IN_HEADING.search(name)
        if key and unit:
            units[key] = unit.group(1)
    return columns, units


class _GridRows(Recognition):
    def __init__(self) -> None:
        super().__init__()
        self.request_done = False
        self.appeal_columns: list[str] | None = None
        self.appeal_done = False
        self.old_value_index: int | None = 2
        self.old_unit_index: int | None = 1
        self.old_cumulative_index: int | None = None  # a regional 历年累计 column

    def row(self, row: Row) -> None:
        cells = row.cells
        if len(cells) > MAX_ROW_CELLS:
            return  # no table row of a report; cells that lost their rows are read as a stream
        norms = [normalise(cell.text) for cell in cells]
        if not any(norms):
            return
        joined = "".join(norms)
        if self._table_start(norms, joined):
            return
        # A grid cell knows whether its row is a heading (`document`); a layout cell does not.
        heading = getattr(cells[0], "header", None)
        figures = (
            not heading if heading is not None else any(parse_figure(n).value is not None for n in norms)
        )
        if not figures and any(word in joined for word in request_header_words()):
            self.start_requests()
            self.request_done = False
            assert self.request_header is not None
            self.request_header.feed(_header_cells(cells))
            return
        if not figures and self._header_row(_header_cells(cells), joined):
            return
        if self._item20_row(cells, norms):
            return
        if self._request_row(cells):
            return
        if self.context == APPEALS and self._appeal_row(cells):
            return
        if self.context == OLD_TABLE:
            self._old_row(cells)

    def _table_start(self, norms: list[str], joined: str) -> bool:
        """The old table's header, a title of table 二 or its header's first row; whether it was one."""
        if any(norm.startswith(word) for norm in norms for word in old_header().words):
            self._old_header(norms)
            return True
        if has_item20_title(joined):
            self.context = ITEM20
            self.item20_columns = None
            return True
        first = next(norm for norm in norms if norm)
        if first in item20_header_stub():
            self.context = ITEM20
            self.set_item20_columns(*item20_header_columns(norms[norms.index(first) + 1 :]))
            return True
        return False

    # --- headers --------------------------------------------------------------------------------

    def _header_row(self, cells: list[HeaderCell], joined: str) -> bool:
        """A header row of table 四 or 三 (a row without figures); whether it was one."""
        if all(word in joined for word in appeal_header_words()):
            self.context = APPEALS
            self.appeal_header = HeaderReader(header_tree(APPEALS))
            self.appeal_done = False
            self.appeal_header.feed(cells)
            return True
        if self.context == APPEALS:
            return self.appeal_header is not None and not self.appeal_done and self.appeal_header.feed(cells)
        if self.context == REQUESTS and self.request_header is not None and not self.request_done:
            return self.request_header.feed(cells)
        if self.context == OLD_TABLE:
            return False
        # A header printed again (a table continued on the next page), or one without the words
        # that usually head it: two of table 三's headings at least.
        trial = HeaderReader(header_tree(REQUESTS))
        if trial.feed(cells) and trial.placed >= 2:
            self.context = REQUESTS
            self.request_header, self.request_done = trial, False
            return True
        return False

    def _request_model(self) -> tuple[list[str] | None, str | None]:
        """Table 三's columns from its header (read once, at its first body row), or why not."""
        if not self.request_done:
            self.request_done = True
            self.request_columns = self.request_header.columns() if self.request_header else None
            if (
                self.request_columns is None
                and self.request_header
                and self.request_header.in_the_format_order()
            ):
                self.request_columns = header_tree(REQUESTS).leaves()
        if self.request_columns is not None:
            return self.request_columns, None
        if self.request_header is None or not self.request_header.texts:
            headings = "、".join(heading.cores[0] for heading in header_tree(REQUESTS).children)
            return None, f"表三未见表头（{headings}等列），各数字属于哪一列无法确定"
        return (
            None,
            f"表三的表头未能识别（读到：{self.request_header.description()}），各数字属于哪一列无法确定",
        )

    def _appeal_model(self) -> tuple[list[str] | None, str | None]:
        if not self.appeal_done:
            self.appeal_done = True
            self.appeal_columns = self.appeal_header.columns() if self.appeal_header else None
            if (
                self.appeal_columns is None
                and self.appeal_header
                and self.appeal_header.in_the_format_order()
            ):
                self.appeal_columns = header_tree(APPEALS).leaves()
        if self.appeal_columns is not None:
            return self.appeal_columns, None
        read = self.appeal_header.description() if self.appeal_header else "（无）"
        return None, f"表四的表头未能识别（读到：{read}），各数字属于哪一列无法确定"

    def _old_header(self, norms: list[str]) -> None:
        """统计指标 | 单位 | 统计数 (or 指标名称 | 计量单位 | 本年度 | 历年累计): where the current
        year's figures, the units and the 历年累计 are."""
        self.start_old_table()
        kinds = [old_column_kind(norm) if norm else None for norm in norms]
        self.old_unit_index = kinds.index("unit") if "unit" in kinds else None
        self.old_value_index = kinds.index("current") if "current" in kinds else None
        self.old_cumulative_index = kinds.index("cumulative") if "cumulative" in kinds else None

    # --- rows -----------------------------------------------------------------------------------

    def _item20_row(self, cells: list[Cell], norms: list[str]) -> bool:
        index = next((i for i, norm in enumerate(norms) if norm), None)
        if index is None:
            return False
        found = item20_key(norms[index])
        if found is None:
            return False
        values = cells[index + 1 :]
        if not values:
            return False
        self.add_item20_row(found, cells[index].text, values, None)
        return True

    def _request_row(self, cells: list[Cell]) -> bool:
        if len(cells) < len(REQUEST_COLUMNS) + 1:
            return False
        columns, unmapped = self._request_model()
        width = len(columns) if columns else len(REQUEST_COLUMNS)
        if len(cells) < width + 1:
            return False
        labels, values = cells[:-width], cells[-width:]
        texts = [strip_numbering(normalise(cell.text)) for cell in labels]
        return self.request_labels(texts, labels, values, None, columns=columns or [], unmapped=unmapped)

    def _appeal_row(self, cells: list[Cell]) -> bool:
        columns, unmapped = self._appeal_model()
        width = len(columns) if columns else len(header_tree(APPEALS).leaves())
        if len(cells) < width:
            return False
        values = cells[-width:]
        keys = columns or ["?"] * width
        if not all(is_figure(cell) for cell, key in zip(values, keys, strict=True) if key):
            return False
        label = appeal_table_label()
        self.tables.add(RawRow(APPEALS, None, label, values=values, columns=columns or [], unmapped=unmapped))
        return True

    def _old_row(self, cells: list[Cell]) -> None:
        value_index = self.old_value_index
        cumulative: Cell | None = None
        if value_index is None or len(cells) <= value_index:
            value = cells[-1] if len(cells) > 1 else None
            label_cells = cells[:-1] if len(cells) > 1 else cells
        else:
            value = cells[value_index]
            columns = (self.old_unit_index, value_index, self.old_cumulative_index)
            end = min(index for index in columns if index is not None)
            label_cells = cells[: max(end, 1)]
            at = self.old_cumulative_index
            cumulative = cells[at] if at is not None and at < len(cells) else None
        key = self.old_key(_label(label_cells))
        if key is None or value is None:
            return
        unmapped = None if value_index is not None else "统计表的表头未能识别，本年度统计数在哪一列无法确定"
        # The current year into the row's key, the 历年累计 beside it into `<key>.cumulative`, as
        # the stream reads them (`stream.read_old_table`): a regional key is an extra cell.
        values, keys = [value], [key]
        if cumulative is not None and unmapped is None:
            values.append(cumulative)
            keys.append(key + CUMULATIVE)
        self.old_child(key, _label(label_cells[:1]))
        self.tables.add(
            RawRow(
                OLD_TABLE,
                key,
                label_cells[0].text,
                values=values,
                columns=[key],
                keys=keys,
                unmapped=unmapped,
            )
        )


def recognise_tables(lines: list[str], layout: Layout) -> FoundTables:
    recogniser = _GridRows()
    for row in layout.rows[:MAX_GRID_ROWS]:
        recogniser.row(row)
    found = recogniser.tables.found
    new_kinds = {ITEM20, REQUESTS, APPEALS}
    have = {ITEM20 if name.startswith("item20_") else name for name in found}
    if OLD_TABLE in have:
        kinds: set[str] = set()
    elif have & new_kinds:
        kinds = new_kinds - have
    else:
        kinds = new_kinds | {OLD_TABLE}
    if kinds:
        recogniser.context = None
        for number in layout.text_lines:
            read_text_line(recogniser, lines[number - 1], number, kinds)
    return recogniser.tables


def item20_columns(fmt: str, table: str) -> list[str]:
    """The columns of a table 二 item in the format's printed order."""
    tables = spec()["formats"][fmt].get("tables", {})
    return list(tables[table]["columns"]) if table in tables else []
