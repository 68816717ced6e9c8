"""The report laid out as a document, once for every renderer (HTML page, PDF, DOCX).

A `Document` is what a reader of the filed report sees, top to bottom: the title in two lines as the
seeds print it (the body's name, then "YYYY年政府信息公开工作年度报告"), the draft or correction marks, the
preface, the six sections in order — their paragraphs, tables 二/三/四 in the official layout
(`reports.official_tables`) and, after table 三, the chart of the body's applications over the years —
then the signature (署名 and 成文日期), and for a government's aggregated report the appendix table
(附表) of the bodies it sums. Renderers only decide fonts, sizes and page geometry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from gongkai.reports.annual.chart import chart_title
from gongkai.reports.annual.content import DRAFT_MARK, MemberFigures, ReportContent
from gongkai.reports.annual.figures import Number
from gongkai.reports.annual.text import signature_date_text
from gongkai.reports.official_tables import Cell, Table, official_tables, show_number

TITLE_SECOND_LINE = "{year}年政府信息公开工作年度报告"
# 一、总体情况 opens each of its five parts with a run-in heading ("（一）主动公开情况。"), which
# government documents set apart (GB/T 9704: 二级标题 in 楷体); the drafted overview and the seeds write it so.
_RUN_IN = re.compile(r"^(（[一二三四五六七八九十]{1,3}）[^。：:（）]{2,30}?[。：:])")
MIN_CHART_YEARS = 2  # a chart "over the years" needs two of them: a body's first report has none
APPENDIX_TITLE = "附表：{name}{year}年政府信息公开申请办理情况（分单位）"
APPENDIX_COLUMNS = ("单位", "数据来源", "本年新收申请", "办理结果总计", "结转下年度", "行政复议", "行政诉讼")


@dataclass
class Paragraph:
    text: str
    lead: str = ""  # a run-in heading at its start, set in the heading font

    @property
    def rest(self) -> str:
        return self.text[len(self.lead) :]


@dataclass
class RowGroup:
    rows: list[list[Cell]]
    block: bool  # a block kept on one page: table 二's item with its header (the other tables break by row)


def row_groups(table: Table) -> list[RowGroup]:
    """Table 二's body in its 第二十条 blocks (each opens with an `item` header row); any other table's
    body as one group."""
    if not any(row and "item" in row[0].css for row in table.body):
        return [RowGroup(table.body, block=False)]
    groups: list[RowGroup] = []
    for row in table.body:
        if (row and "item" in row[0].css) or not groups:
            groups.append(RowGroup([], block=True))
        groups[-1].rows.append(row)
    return groups


def column_widths(name: str, table: Table) -> list[float]:
    """The share (in %) of the text width each grid column of a table takes, as the official template
    sets them: the labels of table 三 wide, its seven figure columns even; table 四's fifteen even."""
    columns = max((sum(cell.colspan for cell in row) for row in table.head + table.body), default=1)
    if name == "requests" and columns == 10:
        return [9.0, 10.0, 23.0] + [58.0 / 7] * 7
    if name == "members" and columns == len(APPENDIX_COLUMNS):
        return [27.0, 17.0, 12.0, 12.0, 12.0, 10.0, 10.0]
    if name == "proactive" and columns > 1:
        return [28.0] + [72.0 / (columns - 1)] * (columns - 1)
    return [100.0 / columns] * columns


@dataclass
class Block:
    id: str
    heading: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    table: Table | None = None
    chart: bool = False  # the history chart follows the table

    @property
    def table_groups(self) -> list[RowGroup]:
        return row_groups(self.table) if self.table else []

    @property
    def table_widths(self) -> list[float]:
        return column_widths(self.id, self.table) if self.table else []


@dataclass
class Document:
    content: ReportContent
    title_lines: tuple[str, str]
    draft_mark: str  # "" for a published report
    draft_note: str  # for a year not yet over: the figures run only to the day the draft was made
    correction_mark: str  # "" unless a corrected version (更正)
    change_note: str
    preface: Paragraph
    blocks: list[Block]
    signature_name: str
    signature_date: str
    appendix: Table | None
    appendix_title: str
    chart_title: str

    @property
    def has_chart(self) -> bool:
        return any(block.chart for block in self.blocks)

    @property
    def appendix_groups(self) -> list[RowGroup]:
        return row_groups(self.appendix) if self.appendix else []

    @property
    def appendix_widths(self) -> list[float]:
        return column_widths("members", self.appendix) if self.appendix else []


def paragraph(text: str) -> Paragraph:
    match = _RUN_IN.match(text)
    return Paragraph(text, match.group(1) if match else "")


def report_document(content: ReportContent) -> Document:
    tables = dict(
        zip(
            ("proactive", "requests", "appeals"),
            official_tables(content.format, content.cells, extras=content.extras),
            strict=True,
        )
    )
    blocks = [
        Block(
            section.id,
            section.heading,
            [paragraph(text) for text in section.paragraphs],
            tables.get(section.table) if section.table else None,
            chart=section.id == "requests" and len(content.history) >= MIN_CHART_YEARS,
        )
        for section in content.sections()
    ]
    correction_mark = change_note = ""
    if content.corrected or content.change_note:
        correction_mark = f"更正版（第{content.version}版）" if content.version > 1 else "更正版"
        change_note = content.change_note
    return Document(
        content=content,
        title_lines=(content.agency_name, TITLE_SECOND_LINE.format(year=content.year)),
        draft_mark=DRAFT_MARK if content.is_draft else "",
        draft_note=_draft_note(content),
        correction_mark=correction_mark,
        change_note=change_note,
        preface=Paragraph(content.preface),
        blocks=blocks,
        signature_name=content.agency_name,
        signature_date=signature_date_text(content),
        appendix=members_table(content.members),
        appendix_title=APPENDIX_TITLE.format(name=content.agency_name, year=content.year),
        chart_title=chart_title(content) if len(content.history) >= MIN_CHART_YEARS else "",
    )


def _draft_note(content: ReportContent) -> str:
    if content.year_ended:
        return ""
    made = f"于{signature_date_text(content)}" if content.signature_date else ""
    return f"{content.year}年度尚未结束，本草稿{made}生成，表中数据仅统计至生成之日，不得作为年度报告发布。"


# --- The appendix of an aggregated report: the figures of each body it sums ----------------------------


def _total(values: list[Number | None]) -> Number | None:
    if any(value is None for value in values):
        return None
    return sum((value for value in values if value is not None), start=0)


def _number_cell(value: Number | None) -> Cell:
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    return Cell(show_number(value), css="num" + (" blank" if value is None else ""), blank=value is None)


def members_table(members: list[MemberFigures]) -> Table | None:
    """附表: one row per body the report sums (source, new, closed, carried over, 复议, 诉讼) and a
    合计 row; None for a body's own report."""
    if not members:
        return None
    head = [[Cell(label, header=True) for label in APPENDIX_COLUMNS]]
    figures = ("new_received", "results_total", "carried_out", "reconsideration", "litigation")
    body = [
        [
            Cell(member.name, css="label"),
            Cell(member.source, css="label source"),
            *(_number_cell(getattr(member, name)) for name in figures),
        ]
        for member in members
    ]
    body.append(
        [
            Cell("合计", colspan=2, css="label total"),
            *(_number_cell(_total([getattr(member, name) for member in members])) for name in figures),
        ]
    )
    return Table("附表", head, body, css="members")
