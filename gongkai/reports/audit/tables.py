"""Recognising the statistics tables of a report and the cell each figure belongs to.

Tables are recognised by their labels, not their position: the rows of table 二 by the 第二十条
item names, table 三 by its row labels (tolerant of "本年新收到", "上年转结", numbering styles and
widths), table 四 by its header, the old table (统计指标 / 单位 / 统计数) by its indicator names.
The format ("2008", "2019", "2021") follows from the structure found: 2019 has 本年新制作数量 and
第（九）项 and a single （六）其他处理 row; 2021 has 本年制发件数 / 现行有效件数 and three （六） rows.

Tables come as rows of cells (`layout`) or, where a table was pasted as text, as lines in which a
label is followed by its figures, separated by spaces or run together (`runtogether`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from gongkai.reports.audit.layout import Cell, Layout, Row
from gongkai.reports.audit.lexicon import item20_row_of_label, request_row_of_label
from gongkai.reports.audit.text import NUMBERING, normalise, numbering_segments, parse_figure, strip_numbering
from gongkai.reports.formats import (
    APPEAL_COLUMNS,
    APPEAL_ROWS,
    FORMAT_2008,
    FORMAT_2019,
    FORMAT_2021,
    REQUEST_COLUMNS,
    spec,
)

OLD_TABLE = "old_table"
REQUESTS = "requests"
APPEALS = "appeals"

# --- table 二: the 第二十条 items -----------------------------------------------------------------

# Column headings → column key; the longer headings first ("本年处理决定数量" before "处理决定数量").
ITEM20_COLUMNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"本年制发", "issued"),
        (r"本年废止", "repealed"),
        (r"现行有效", "in_force"),
        (r"新制作", "newly_made"),
        (r"新公开", "newly_published"),
        (r"对外公开总", "total_published"),
        (r"上一?年项目", "prev_year_items"),
        (r"增/?减", "change"),
        (r"处理决定", "decisions"),
        (r"收费金额", "amount_10k_yuan"),
        (r"采购项目", "projects"),
        (r"采购总?金额", "amount"),
    )
)
_FORMAT_OF_COLUMN = {
    "issued": FORMAT_2021,
    "repealed": FORMAT_2021,
    "in_force": FORMAT_2021,
    "amount_10k_yuan": FORMAT_2021,
    "newly_made": FORMAT_2019,
    "newly_published": FORMAT_2019,
    "total_published": FORMAT_2019,
    "prev_year_items": FORMAT_2019,
    "change": FORMAT_2019,
    "projects": FORMAT_2019,
    "amount": FORMAT_2019,
}
_ITEM20_TITLE = re.compile(r"第二十条第?\(([一二三四五六七八九十]+)\)项")
_UNIT_IN_HEADING = re.compile(r"\((?:单位:)?(万元|元|亿元)\)")

# --- table 三: applications ------------------------------------------------------------------------

_REQUEST_GROUPS: tuple[tuple[str, str], ...] = (
    ("不予公开", "withheld"),
    ("无法提供", "unavailable"),
    ("不予处理", "not_processed"),
    ("其他处理", "other"),
)
_REQUEST_HEADER = re.compile(r"勾稽关系|申请人情况")
_REQUEST_ROW_FORMAT = {
    "other_no_correction": FORMAT_2021,
    "other_fee_unpaid": FORMAT_2021,
    "other_other": FORMAT_2021,
    "other_processing": FORMAT_2019,
}

# --- table 四: reconsideration and litigation -------------------------------------------------------

_APPEAL_OUTCOMES = {
    "结果维持": "upheld",
    "结果纠正": "corrected",
    "其他结果": "other",
    "尚未审结": "pending",
    "总计": "total",
}

# --- the old table (统计指标 / 单位 / 统计数) -------------------------------------------------------

_OLD_GROUPS: tuple[tuple[int, re.Pattern[str]], ...] = tuple(
    (group, re.compile(pattern))
    for group, pattern in (
        (7, r"费用|收费"),
        (1, r"主动公开"),
        (2, r"回应|解读"),
        (3, r"依申请"),
        (4, r"行政复议"),
        (5, r"行政诉讼"),
        (6, r"举报|投诉"),
        (8, r"机构|经费"),
        (9, r"会议|培训"),
    )
)
# The groups whose title row holds a figure itself.
_OLD_GROUP_TOTALS = {4: "reconsideration_total", 5: "litigation_total", 6: "complaints", 7: "fees_10k_yuan"}
_OLD_ROWS: dict[int, tuple[tuple[str, re.Pattern[str]], ...]] = {
    group: tuple((key, re.compile(pattern)) for key, pattern in rows)
    for group, rows in {
        1: (
            ("proactive_normative_documents", r"主动公开规范性文件"),
            ("normative_documents_issued", r"制发规范性文件"),
            ("proactive_total", r"主动公开(?:政府|政务)?信息数"),
            ("channel_gazette", r"政府公报"),
            ("channel_website", r"政府网站|门户网站"),
            ("channel_weibo", r"微博"),
            ("channel_wechat", r"微信"),
            ("channel_other", r"其他方式|其它方式"),
        ),
        2: (
            ("responses_hot_topics", r"热点|舆情"),
            ("responses_press_conferences_by_principal", r"主要负责同志.*发布会"),
            ("responses_online_interviews_by_principal", r"主要负责同志.*访谈"),
            ("responses_press_conferences", r"发布会"),
            ("responses_online_interviews", r"访谈"),
            ("responses_interpretations", r"解读稿件|政策解读"),
            ("responses_weibo_wechat", r"微博微信|微博|微信"),
            ("responses_other", r"其他方式|其它方式"),
        ),
        3: (
            ("requests_received", r"收到申请"),
            ("requests_in_person", r"当面"),
            ("requests_fax", r"传真"),
            ("requests_online", r"网络|网上"),
            ("requests_letter", r"信函"),
            ("requests_closed_on_time", r"按时办结"),
            ("requests_closed_extended", r"延期办结"),
            ("requests_closed", r"办结"),
            ("replies_total", r"申请答复"),
            ("replies_already_public", r"已主动公开"),
            ("replies_refused", r"不同意公开|不予公开"),
            ("replies_partially_granted", r"部分公开"),
            ("replies_granted", r"同意公开"),
            ("refused_state_secret", r"国家秘密"),
            ("refused_commercial_secret", r"商业秘密"),
            ("refused_privacy", r"个人隐私"),
            ("refused_security_stability", r"国家安全|社会稳定"),
            ("refused_not_government_info", r"所指(?:的)?政府信息|不是.*政府信息|不属于政府信息"),
            ("refused_other_legal", r"其他情形|其它情形"),
            ("replies_not_this_agency", r"不属于本"),
            ("replies_not_exist", r"不存在"),
            ("replies_correction_requested", r"更改补充|补正"),
            ("replies_other_channel", r"其他途径|其它途径"),
        ),
        4: (
            ("reconsideration_upheld", r"维持"),
            ("reconsideration_corrected", r"纠错|纠正"),
            ("reconsideration_other", r"其他|其它"),
        ),
        5: (
            ("litigation_upheld", r"维持|驳回"),
            ("litigation_corrected", r"纠错|纠正"),
            ("litigation_other", r"其他|其它"),
        ),
        8: (
            ("dedicated_bodies", r"专门机构"),
            ("reading_points", r"查阅"),
            ("staff_full_time", r"专职"),
            ("staff_part_time", r"兼职"),
            ("staff_total", r"人员"),
            ("budget_10k_yuan", r"经费"),
        ),
        9: (
            ("meetings", r"会议"),
            ("trainings", r"培训班"),
            ("trainees", r"培训人员|受训|培训人次"),
        ),
    }.items()
}
_TOP_NUMBER = re.compile(r"^[一二三四五六七八九十]+[、.,]")
_OLD_UNITS = r"人次|万元|亿元|元|条|件|次|篇|个|人|项|——|—|-"
# An old-table row pasted as text: label, unit, figure ("（一）收到申请数件60").
_OLD_TEXT_ROW = re.compile(rf"^(?P<label>.+?)(?P<unit>{_OLD_UNITS})?\s*(?P<figures>[\d.\s]*)$")

# The figures at the end of a line pasted from a table: digits, signs, points and spaces. Every
# character has one way to match (a sign follows a digit or a space, never both), so a long run of
# digits that fails at its end cannot backtrack exponentially (the 76-byte upload of issue 8).
_TRAILING_FIGURES = re.compile(r"(?P<figures>[+-]?\d(?:[\d.]|[+-]\d|\s+[+-]?\d)*)\s*$")


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
    keys: list[str] | None = None  # the cells' keys, where the row was read from a stream


@dataclass
class FoundTables:
    rows: list[RawRow] = field(default_factory=list)
    found: list[str] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)

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


def _label(cells: list[Cell]) -> str:
    return "".join(normalise(cell.text) for cell in cells)


def _is_figure(cell: Cell) -> bool:
    return parse_figure(cell.text).readable


class _Recogniser:
    def __init__(self) -> None:
        self.tables = FoundTables()
        self.context: str | None = None
        self.item20_columns: list[str] | None = None
        self.item20_units: dict[str, str] = {}
        self.request_group: str | None = None
        self.appeal_header: list[str] = []
        self.old_group: int | None = None
        self.old_value_index = 2
        self.old_unit_index: int | None = 1

    # --- rows of cells -----------------------------------------------------------------------

    def row(self, row: Row) -> None:
        cells = row.cells
        norms = [normalise(cell.text) for cell in cells]
        joined = "".join(norms)
        if not joined:
            return
        if any(norm.startswith("统计指标") for norm in norms):
            self._old_header(norms)
            return
        if _ITEM20_TITLE.search(joined):
            self.context = "item20"
            self.item20_columns = None
            return
        first = next((norm for norm in norms if norm), "")
        if first in ("信息内容", "项目", "指标"):
            self.context = "item20"
            self._item20_header(norms[norms.index(first) + 1 :])
            return
        if _REQUEST_HEADER.search(joined):
            self.context = REQUESTS
            self.request_group = None
            return
        if self._appeal_header_row(norms):
            return
        if self._item20_row(cells, norms):
            return
        if len(cells) >= 8 and self._request_row(cells[:-7], cells[-7:]):
            return
        if self.context == APPEALS and len(cells) >= 15 and all(_is_figure(cell) for cell in cells[-15:]):
            self._appeal_values(cells[-15:], None)
            return
        if self.context == OLD_TABLE:
            self._old_row(cells)

    def _old_header(self, norms: list[str]) -> None:
        self.context = OLD_TABLE
        self.old_group = None
        self.old_unit_index = norms.index("单位") if "单位" in norms else None
        value_index = None
        for index, norm in enumerate(norms):
            # Regional variants add columns such as 历年累计 beside 本年度: read the current year.
            if index and norm != "单位" and "累计" not in norm and "上年" not in norm:
                value_index = index
                break
        self.old_value_index = value_index if value_index is not None else len(norms) - 1

    def _item20_header(self, names: list[str]) -> None:
        """The header row of a table 二 item: "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数"."""
        columns: list[str] = []
        units: dict[str, str] = {}
        for name in names:
            if not name:
                continue
            key = next((key for pattern, key in ITEM20_COLUMNS if pattern.search(name)), "")
            columns.append(key)
            unit = _UNIT_IN_HEADING.search(name)
            if key and unit:
                units[key] = unit.group(1)
        self._item20_columns(columns, units)

    def _item20_columns(self, columns: list[str], units: dict[str, str]) -> None:
        self.item20_columns = columns or None
        self.item20_units = units
        for key in columns:
            if key in _FORMAT_OF_COLUMN:
                self.tables.votes[_FORMAT_OF_COLUMN[key]] += 1

    def _item20_row(self, cells: list[Cell], norms: list[str]) -> bool:
        index = next((i for i, norm in enumerate(norms) if norm), None)
        if index is None:
            return False
        found = _item20_key(norms[index])
        if found is None:
            return False
        table, row = found
        values = cells[index + 1 :]
        if not values:
            return False
        self.context = "item20"
        columns = self.item20_columns
        unit = self.item20_units.get("amount") if table == "item20_9" else None
        self.tables.add(RawRow(table, row, cells[index].text, values=values, columns=columns, unit=unit))
        if row in ("other_services",) or table == "item20_9":
            self.tables.votes[FORMAT_2019] += 1
        return True

    def _request_row(self, labels: list[Cell], values: list[Cell] | None, run: Cell | None = None) -> bool:
        texts = [strip_numbering(normalise(cell.text)) for cell in labels]
        return self._request_labels(texts, labels, values, run)

    def _request_labels(
        self, texts: list[str], labels: list[Cell], values: list[Cell] | None, run: Cell | None
    ) -> bool:
        specific: str | None = None
        for text in texts:
            if not text:
                continue
            group = next((g for word, g in _REQUEST_GROUPS if text.startswith(word)), None)
            if group is not None:
                self.request_group = group
                continue
            if "办理结果" in text:
                continue
            specific = text
        row: str | None = None
        if specific is None:
            if self.request_group == "other" and any("其他处理" in text for text in texts):
                row = "other_processing"  # 2019: a single （六）其他处理 row
        else:
            row = _request_key(specific, self.request_group)
        if row is None:
            return False
        if values is not None and not any(_is_figure(cell) for cell in values):
            return False
        self.context = REQUESTS
        label = "".join(cell.text for cell in labels)
        self.tables.add(RawRow(REQUESTS, row, label, values=values, run=run, columns=list(REQUEST_COLUMNS)))
        if row in _REQUEST_ROW_FORMAT:
            self.tables.votes[_REQUEST_ROW_FORMAT[row]] += 1
        return True

    def _appeal_header_row(self, norms: list[str]) -> bool:
        joined = "".join(norms)
        if (
            "行政复议" in joined
            and "行政诉讼" in joined
            and not any(parse_figure(n).value is not None for n in norms)
        ):
            self.context = APPEALS
            self.appeal_header = []
        if self.context != APPEALS:
            return False
        names = [norm for norm in norms if norm]
        if not names or not all(_is_appeal_heading(name) for name in names):
            return False
        for name in names:
            if name in _APPEAL_OUTCOMES:
                self.appeal_header.append(_APPEAL_OUTCOMES[name])
        return True

    def _appeal_columns(self) -> list[str]:
        outcomes = self.appeal_header
        if len(outcomes) == 15 and all(
            sorted(outcomes[i : i + 5]) == sorted(APPEAL_COLUMNS) for i in (0, 5, 10)
        ):
            return [f"{APPEAL_ROWS[i // 5]}.{outcome}" for i, outcome in enumerate(outcomes)]
        return [f"{row}.{column}" for row in APPEAL_ROWS for column in APPEAL_COLUMNS]

    def _appeal_values(self, values: list[Cell] | None, run: Cell | None) -> None:
        self.tables.add(
            RawRow(
                APPEALS, None, "行政复议、行政诉讼", values=values, run=run, columns=self._appeal_columns()
            )
        )

    def _old_row(self, cells: list[Cell]) -> None:
        if len(cells) <= self.old_value_index:
            value = cells[-1] if len(cells) > 1 else None
            label_cells = cells[:-1] if len(cells) > 1 else cells
        else:
            value = cells[self.old_value_index]
            end = self.old_unit_index if self.old_unit_index is not None else self.old_value_index
            label_cells = cells[: max(end, 1)]
        key = self._old_key(_label(label_cells))
        if key is not None and value is not None:
            self.tables.add(RawRow(OLD_TABLE, key, label_cells[0].text, values=[value], columns=[key]))

    def _old_key(self, label: str) -> str | None:
        if _TOP_NUMBER.match(label):
            rest = strip_numbering(label)
            group = next((g for g, pattern in _OLD_GROUPS if pattern.search(rest)), None)
            self.old_group = group
            return _OLD_GROUP_TOTALS.get(group) if group else None
        if self.old_group is None:
            return None
        stripped = strip_numbering(label)
        for key, pattern in _OLD_ROWS.get(self.old_group, ()):
            if pattern.search(stripped):
                return key
        return None

    # --- lines of text (a table pasted without its cells) ---------------------------------------

    def text_line(self, line: str, number: int, kinds: set[str]) -> None:
        text = unicodedata.normalize("NFKC", line).strip()
        if not text or len(text) > 160:
            return
        compact = normalise(text)
        if "统计指标" in compact:
            if OLD_TABLE in kinds:
                self.context = OLD_TABLE
                self.old_group = None
            return
        if self.context == OLD_TABLE:
            self._old_text_row(text, number)
            return
        trailing = _TRAILING_FIGURES.search(text)
        figures = trailing.group("figures").strip() if trailing else ""
        label = normalise(text[: trailing.start()] if trailing else text)
        run = Cell(figures, number)
        if "item20" in kinds:
            if _ITEM20_TITLE.search(compact):
                self.context = "item20"
                self.item20_columns = None
                return
            if compact.startswith("信息内容"):
                self.context = "item20"
                self._item20_columns(*_run_together_columns(compact[len("信息内容") :]))
                return
            found = _item20_key(strip_numbering(label))
            if found is not None and (figures or self.context == "item20"):
                table, row = found
                unit = self.item20_units.get("amount") if table == "item20_9" else None
                self.tables.add(RawRow(table, row, label, run=run, columns=self.item20_columns, unit=unit))
                self.context = "item20"
                if row == "other_services" or table == "item20_9":
                    self.tables.votes[FORMAT_2019] += 1
                return
        if REQUESTS in kinds and _REQUEST_HEADER.search(compact):
            self.context = REQUESTS
            self.request_group = None
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
            if self._request_labels(segments, labels, None, run):
                return
        if APPEALS in kinds:
            if (
                "行政复议" in compact
                and ("行政诉讼" in compact or "行政复议行政诉讼" in compact)
                and not figures
            ):
                self.context = APPEALS
                self.appeal_header = []
                return
            if self.context == APPEALS and not label and len(re.sub(r"\D", "", figures)) >= 15:
                self._appeal_values(None, run)
                self.context = None

    def _old_text_row(self, text: str, number: int) -> None:
        match = _OLD_TEXT_ROW.match(normalise(text))
        if not match:
            return
        key = self._old_key(match.group("label"))
        if key is not None:
            self.tables.add(
                RawRow(
                    OLD_TABLE,
                    key,
                    match.group("label"),
                    values=[Cell(match.group("figures"), number)],
                    columns=[key],
                )
            )


def _is_appeal_heading(name: str) -> bool:
    return name in _APPEAL_OUTCOMES or name in ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉")


def _run_together_columns(text: str) -> tuple[list[str], dict[str, str]]:
    """Column headings that ran together ("本年制发件数本年废止件数现行有效件数"): keys in printed order."""
    found: list[tuple[int, int, str]] = []
    for pattern, key in ITEM20_COLUMNS:
        for match in pattern.finditer(text):
            # "处理决定" inside "本年处理决定数量" is one heading, not two.
            if not any(start <= match.start() < end for start, end, _ in found):
                found.append((match.start(), match.end(), key))
    found.sort()
    columns = [key for _, _, key in found]
    units: dict[str, str] = {}
    for index, (_, end, key) in enumerate(found):
        limit = found[index + 1][0] if index + 1 < len(found) else len(text)
        unit = _UNIT_IN_HEADING.search(text, end, limit)
        if unit:
            units[key] = unit.group(1)
    return columns, units


def _item20_key(label: str) -> tuple[str, str] | None:
    """The table 二 row a label names, by the lexicon (`report_formats.json`)."""
    rows = item20_row_of_label()
    label = strip_numbering(label)
    found = rows.get(label)
    if found is None and label.endswith(("事项", "情况", "数量")) and label[:-2] in rows:
        found = rows[label[:-2]]
    return found


def _request_key(text: str, group: str | None) -> str | None:
    """The table 三 row a label names, by the lexicon (`report_formats.json`)."""
    return request_row_of_label(text, group)


def recognise_tables(lines: list[str], layout: Layout) -> FoundTables:
    recogniser = _Recogniser()
    for row in layout.rows:
        recogniser.row(row)
    found = recogniser.tables.found
    new_kinds = {"item20", REQUESTS, APPEALS}
    have = {"item20" if name.startswith("item20_") else name for name in found}
    if OLD_TABLE in have:
        kinds: set[str] = set()
    elif have & new_kinds:
        kinds = new_kinds - have
    else:
        kinds = new_kinds | {OLD_TABLE}
    if kinds:
        recogniser.context = None
        for number in layout.text_lines:
            recogniser.text_line(lines[number - 1], number, kinds)
    return recogniser.tables


def item20_columns(fmt: str, table: str) -> list[str]:
    """The columns of a table 二 item in the format's printed order."""
    tables = spec()["formats"][fmt].get("tables", {})
    return list(tables[table]["columns"]) if table in tables else []
