"""The statistics tables of an annual report laid out as the official templates print them, for display.

Tables 二, 三 and 四 of 国办公开办函〔2019〕60号 and 〔2021〕30号 (their cells as in
`data/report_formats.json`), and the old 政府信息公开情况统计表 (统计指标 / 单位 / 统计数) for reports
before 2019. Each value cell carries its canonical key, its figure as printed, and the worst severity of
the findings that name it, so a page can highlight it and link it to those findings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from gongkai.reports import formats

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass
class CellMark:
    """What the findings say about one cell: the worst severity and the findings' anchors."""

    severity: str
    anchors: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    def add(self, severity: str, anchor: str, message: str) -> None:
        if SEVERITY_RANK.get(severity, 9) < SEVERITY_RANK.get(self.severity, 9):
            self.severity = severity
        self.anchors.append(anchor)
        self.messages.append(message)


@dataclass
class Cell:
    text: str = ""
    header: bool = False
    colspan: int = 1
    rowspan: int = 1
    key: str | None = None
    blank: bool = False
    mark: CellMark | None = None
    css: str = ""

    @property
    def is_value(self) -> bool:
        return self.key is not None

    @property
    def title(self) -> str:
        """The hover text: the key and what the findings say about the cell."""
        if self.key is None:
            return ""
        parts = [self.key] + (self.mark.messages if self.mark else [])
        return "\n".join(parts)


@dataclass
class Table:
    title: str
    head: list[list[Cell]]
    body: list[list[Cell]]
    css: str = ""


def show_number(value: Any) -> str:
    """A figure as the report printed it: no exponent, no trailing zeros; "" for a blank cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float):
        value = Decimal(str(value))
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    return str(value)


class _Filler:
    def __init__(self, cells: Mapping[str, Any], marks: Mapping[str, CellMark]) -> None:
        self.cells = cells
        self.marks = marks

    def value(self, key: str, suffix: str = "", colspan: int = 1) -> Cell:
        value = self.cells.get(key)
        mark = self.marks.get(key)
        css = "num" + (f" cell-{mark.severity}" if mark else "") + (" blank" if value is None else "")
        return Cell(
            show_number(value) + (suffix if value is not None else ""),
            key=key,
            blank=value is None,
            mark=mark,
            css=css,
            colspan=colspan,
        )


def _head(text: str, colspan: int = 1, rowspan: int = 1, css: str = "") -> Cell:
    return Cell(text, header=True, colspan=colspan, rowspan=rowspan, css=css)


def _label(text: str, colspan: int = 1, rowspan: int = 1, css: str = "") -> Cell:
    return Cell(text, colspan=colspan, rowspan=rowspan, css=("label " + css).strip())


# --- Table 二: the 第二十条 items --------------------------------------------------------------------


def _column_label(text: str) -> str:
    return text.split(" (")[0]  # the spec annotates some columns in English after the label


def proactive_table(fmt: str, filler: _Filler, extras: Mapping[str, Any]) -> Table:
    """二、主动公开政府信息情况: one block per 第二十条 item, the widest item setting the columns."""
    tables: dict[str, Any] = {
        name: table
        for name, table in formats.spec()["formats"][fmt]["tables"].items()
        if name.startswith("item20_")
    }
    width = max(len(table["columns"]) for table in tables.values())
    body: list[list[Cell]] = []
    for name, table in tables.items():
        columns = list(table["columns"].items())
        body.append(
            [_head(f"第二十条{table['title'].removeprefix('第二十条')}", colspan=width + 1, css="item")]
        )
        header = [_head("信息内容")]
        for index, (_, label) in enumerate(columns):
            span = width - len(columns) + 1 if index == len(columns) - 1 else 1
            header.append(_head(_column_label(label), colspan=span))
        body.append(header)
        for row, row_label in table["rows"].items():
            line = [_label(row_label)]
            for index, (column, _) in enumerate(columns):
                span = width - len(columns) + 1 if index == len(columns) - 1 else 1
                key = f"{name}.{row}.{column}"
                suffix = ""
                if key == "item20_9.procurement.amount" and extras.get(f"{key}_unit"):
                    suffix = f" {extras[f'{key}_unit']}"  # the unit as the report printed it
                line.append(filler.value(key, suffix, colspan=span))
            body.append(line)
    return Table("二、主动公开政府信息情况", [], body)


# --- Table 三: applications ---------------------------------------------------------------------------

_GROUP = re.compile(r"^三(（[一二三四五六七]）)(.*)$")
_GROUP_TITLES = {
    "（三）": "（三）不予公开",
    "（四）": "（四）无法提供",
    "（五）": "（五）不予处理",
    "（六）": "（六）其他处理",
}


def _request_label_cells(fmt: str) -> list[list[Cell]]:
    """The label cells of each row of table 三, with the rowspans of the official layout."""
    rows = formats.request_rows(fmt)
    results = formats.result_rows(fmt)
    labels: list[list[Cell]] = []
    groups: dict[str, list[str]] = {}
    for row in results:
        match = _GROUP.match(formats.request_label(fmt, row))
        if match and match.group(2)[:1].isdigit():
            groups.setdefault(match.group(1), []).append(row)
    seen: set[str] = set()
    for row in rows:
        label = formats.request_label(fmt, row)
        if row not in results and row != "results_total":
            labels.append([_label(label, colspan=3)])
            continue
        cells: list[Cell] = []
        if row == results[0]:
            cells.append(_label("三、本年度办理结果", rowspan=len(results) + 1, css="group"))
        match = _GROUP.match(label)
        group = match.group(1) if match else ""
        if group in groups:
            if group not in seen:
                seen.add(group)
                cells.append(_label(_GROUP_TITLES[group], rowspan=len(groups[group]), css="group"))
            cells.append(_label(match.group(2) if match else label))
        else:
            cells.append(_label(f"{group}{match.group(2)}" if match else label, colspan=2))
        labels.append(cells)
    return labels


def requests_table(fmt: str, filler: _Filler) -> Table:
    """三、收到和处理政府信息公开申请情况, with the official three header rows."""
    columns = formats.REQUEST_COLUMNS
    head = [
        [
            _head(
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                colspan=3,
                rowspan=3,
                css="note",
            ),
            _head("申请人情况", colspan=len(columns)),
        ],
        [
            _head("自然人", rowspan=2),
            _head("法人或其他组织", colspan=len(columns) - 2),
            _head("总计", rowspan=2),
        ],
        [_head(label) for label in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")],
    ]
    body = []
    for row, labels in zip(formats.request_rows(fmt), _request_label_cells(fmt), strict=True):
        body.append(labels + [filler.value(f"requests.{row}.{column}") for column in columns])
    return Table("三、收到和处理政府信息公开申请情况", head, body)


# --- Table 四: reconsideration and litigation ---------------------------------------------------------

_OUTCOMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def appeals_table(filler: _Filler) -> Table:
    """四、政府信息公开行政复议、行政诉讼情况: one row of fifteen cells under three header rows."""
    head = [
        [_head("行政复议", colspan=5), _head("行政诉讼", colspan=10)],
        [_head(label, rowspan=2) for label in _OUTCOMES]
        + [_head("未经复议直接起诉", colspan=5), _head("复议后起诉", colspan=5)],
        [_head(label) for label in _OUTCOMES * 2],
    ]
    body = [
        [
            filler.value(f"appeals.{row}.{column}")
            for row in formats.APPEAL_ROWS
            for column in formats.APPEAL_COLUMNS
        ]
    ]
    return Table("四、政府信息公开行政复议、行政诉讼情况", head, body)


# --- The old table (before 2019) ----------------------------------------------------------------------

# (key, unit) in the order the old table prints them; a None key is a heading row of the table.
_OLD_ROWS: tuple[tuple[str | None, str], ...] = (
    (None, "一、主动公开情况"),
    ("proactive_total", "条"),
    ("proactive_normative_documents", "条"),
    ("normative_documents_issued", "件"),
    (None, "（二）通过不同渠道和方式公开政府信息的情况"),
    ("channel_gazette", "条"),
    ("channel_website", "条"),
    ("channel_weibo", "条"),
    ("channel_wechat", "条"),
    ("channel_other", "条"),
    (None, "二、回应解读情况"),
    ("responses_hot_topics", "次"),
    (None, "（二）通过不同渠道和方式回应解读的情况"),
    ("responses_press_conferences", "次"),
    ("responses_press_conferences_by_principal", "次"),
    ("responses_online_interviews", "次"),
    ("responses_online_interviews_by_principal", "次"),
    ("responses_interpretations", "篇"),
    ("responses_weibo_wechat", "次"),
    ("responses_other", "次"),
    (None, "三、依申请公开情况"),
    ("requests_received", "件"),
    ("requests_in_person", "件"),
    ("requests_fax", "件"),
    ("requests_online", "件"),
    ("requests_letter", "件"),
    ("requests_closed", "件"),
    ("requests_closed_on_time", "件"),
    ("requests_closed_extended", "件"),
    ("replies_total", "件"),
    ("replies_already_public", "件"),
    ("replies_granted", "件"),
    ("replies_partially_granted", "件"),
    ("replies_refused", "件"),
    ("refused_state_secret", "件"),
    ("refused_commercial_secret", "件"),
    ("refused_privacy", "件"),
    ("refused_security_stability", "件"),
    ("refused_not_government_info", "件"),
    ("refused_other_legal", "件"),
    ("replies_not_this_agency", "件"),
    ("replies_not_exist", "件"),
    ("replies_correction_requested", "件"),
    ("replies_other_channel", "件"),
    ("reconsideration_total", "件"),
    ("reconsideration_upheld", "件"),
    ("reconsideration_corrected", "件"),
    ("reconsideration_other", "件"),
    ("litigation_total", "件"),
    ("litigation_upheld", "件"),
    ("litigation_corrected", "件"),
    ("litigation_other", "件"),
    ("complaints", "件"),
    ("fees_10k_yuan", "万元"),
    (None, "八、机构建设和保障经费情况"),
    ("dedicated_bodies", "个"),
    ("reading_points", "个"),
    ("staff_total", "人"),
    ("staff_full_time", "人"),
    ("staff_part_time", "人"),
    ("budget_10k_yuan", "万元"),
    (None, "九、政府信息公开会议和培训情况"),
    ("meetings", "次"),
    ("trainings", "次"),
    ("trainees", "人次"),
)
# "一（一）主动公开…" → "（一）主动公开…": under its heading row the item keeps only its own number.
# "一（二）1．政府公报…" → "1．政府公报…": its group is the heading row above it.
_OLD_PREFIX = re.compile(r"^[一二三四五六七八九]?（[一二]）(?=\d)|^[一二三四五六七八九](?=（)")
_OLD_INDENTED = re.compile(r"^(?:\d．|其中：|涉及|危及|不是|法律法规|制发)")


def old_table(filler: _Filler) -> Table:
    """政府信息公开情况统计表 (统计指标 / 单位 / 统计数)."""
    labels: dict[str, str] = formats.spec()["formats"][formats.FORMAT_2008]["keys"]
    body: list[list[Cell]] = []
    for key, unit in _OLD_ROWS:
        if key is None:
            body.append([_label(unit, css="heading"), _label("——", css="unit"), _label("")])
            continue
        label = _OLD_PREFIX.sub("", labels[key])
        below_total = key.startswith(("reconsideration_", "litigation_")) and not key.endswith("_total")
        css = "indent" if below_total or _OLD_INDENTED.match(label) else ""
        body.append([_label(label, css=css), _label(unit, css="unit"), filler.value(key)])
    head = [[_head("统计指标"), _head("单位"), _head("统计数")]]
    return Table("政府信息公开情况统计表", head, body, css="old")


def official_tables(
    fmt: str | None,
    cells: Mapping[str, Any],
    marks: Mapping[str, CellMark] | None = None,
    extras: Mapping[str, Any] | None = None,
) -> list[Table]:
    """The report's tables in the layout of its format; none when the format was not recognised."""
    filler = _Filler(cells, marks or {})
    if fmt == formats.FORMAT_2008:
        return [old_table(filler)]
    if fmt in (formats.FORMAT_2019, formats.FORMAT_2021):
        return [
            proactive_table(fmt, filler, extras or {}),
            requests_table(fmt, filler),
            appeals_table(filler),
        ]
    return []
