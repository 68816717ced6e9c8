"""ParsedReports built by hand for the rules' tests: a clean report of each format, to be spoiled.

`build_report(fmt, ...)` lays the report out as the reader would see it — a title, the numbered
sections with their prose, the tables as tab-indented cell lines — and fills `sections`,
`cells` and `cell_lines` to match, so evidence line numbers point at real lines. Its figures are
consistent, and its prose quotes them correctly: `run_rules` finds nothing in it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from gongkai.reports import formats
from gongkai.reports.audit.model import Number, ParsedReport

DEFAULT_YEAR = {formats.FORMAT_2008: 2018, formats.FORMAT_2019: 2020, formats.FORMAT_2021: 2023}
AGENCY = "宁波市象山县人民政府办公室"


def clean_cells(fmt: str) -> dict[str, Number | None]:
    """Consistent figures: 10 new applications by natural persons, 2 carried in, 9 closed, 3 carried out."""
    if fmt == formats.FORMAT_2008:
        cells: dict[str, Number | None] = dict.fromkeys(formats.old_format_keys(), 0)
        cells.update(
            proactive_total=500,
            proactive_normative_documents=5,
            normative_documents_issued=5,
            channel_website=400,
            channel_weibo=150,
            channel_wechat=100,
            responses_hot_topics=3,
            responses_press_conferences=2,
            responses_press_conferences_by_principal=1,
            responses_interpretations=4,
            requests_received=12,
            requests_online=8,
            requests_letter=4,
            requests_closed=12,
            requests_closed_on_time=12,
            replies_total=12,
            replies_granted=7,
            replies_partially_granted=2,
            replies_not_exist=3,
            reconsideration_total=1,
            reconsideration_upheld=1,
            staff_total=3,
            staff_full_time=1,
            staff_part_time=2,
            budget_10k_yuan=Decimal("2.5"),
            meetings=2,
            trainings=1,
            trainees=40,
        )
        return cells
    cells = dict.fromkeys(formats.all_keys(fmt), 0)
    for column, value in (("natural_person", 10), ("total", 10)):
        cells[f"requests.new_received.{column}"] = value
    for column, value in (("natural_person", 2), ("total", 2)):
        cells[f"requests.carried_in.{column}"] = value
    for row, value in (("disclosed", 5), ("partially_disclosed", 1), ("unavailable_not_held", 3)):
        cells[f"requests.{row}.natural_person"] = value
        cells[f"requests.{row}.total"] = value
    cells["requests.results_total.natural_person"] = 9
    cells["requests.results_total.total"] = 9
    cells["requests.carried_out.natural_person"] = 3
    cells["requests.carried_out.total"] = 3
    cells["appeals.reconsideration.upheld"] = 1
    cells["appeals.reconsideration.total"] = 1
    cells["appeals.litigation_direct.pending"] = 1
    cells["appeals.litigation_direct.total"] = 1
    if fmt == formats.FORMAT_2021:
        cells["item20_1.normative_documents.issued"] = 5
        cells["item20_1.normative_documents.repealed"] = 2
        cells["item20_1.normative_documents.in_force"] = 40
        cells["item20_5.licensing.decisions"] = 120
        cells["item20_8.fees.amount_10k_yuan"] = Decimal("3.5")
    else:
        cells["item20_1.normative_documents.newly_made"] = 5
        cells["item20_1.normative_documents.newly_published"] = 5
        cells["item20_1.normative_documents.total_published"] = 40
        cells["item20_5.licensing.prev_year_items"] = 100
        cells["item20_5.licensing.change"] = -3
        cells["item20_9.procurement.projects"] = 4
        cells["item20_9.procurement.amount"] = Decimal("125.5")
    return cells


def clean_prose(fmt: str, year: int) -> dict[str, list[str]]:
    if fmt == formats.FORMAT_2008:
        return {
            "overview": [f"{year}年，我办认真贯彻《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。"],
            "proactive": [f"{year}年，我办主动公开政府信息500条，其中主动公开规范性文件5条。"],
            "requests": [f"{year}年共受理政府信息公开申请12件，其中网络申请8件，信函申请4件，均已按时办结。"],
            "appeals": [f"{year}年发生行政复议1件，结果为维持；未发生行政诉讼。"],
            "problems": [
                "政策解读的形式还不够丰富，基层政务公开的标准化规范化有待加强，公开平台的栏目还需进一步梳理。"
            ],
            "other": ["本年度无其他需要报告的事项。"],
        }
    return {
        "overview": [
            f"{year}年，本机关认真贯彻《中华人民共和国政府信息公开条例》，全年新收政府信息公开申请10件，"
            "办结9件，被申请行政复议1件。"
        ],
        "proactive": [],
        "requests": [],
        "appeals": [],
        "problems": [
            "政策解读的形式还不够丰富，基层政务公开的标准化规范化有待加强，公开平台的栏目还需进一步梳理。"
        ],
        "other": ["本年度未收取信息处理费。"],
    }


_TITLES_NEW = {
    "overview": "一、总体情况",
    "proactive": "二、主动公开政府信息情况",
    "requests": "三、收到和处理政府信息公开申请情况",
    "appeals": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other": "六、其他需要报告的事项",
}
_TITLES_OLD = {
    "overview": "一、概述",
    "proactive": "二、主动公开政府信息情况",
    "requests": "三、依申请公开政府信息情况",
    "appeals": "四、因政府信息公开申请行政复议、提起行政诉讼情况",
    "problems": "五、政府信息公开工作存在的主要问题及改进措施",
    "other": "六、其他需要报告的事项",
}


def build_report(
    fmt: str = formats.FORMAT_2021,
    *,
    year: int | None = None,
    agency: str = AGENCY,
    cells: dict[str, Number | None] | None = None,
    prose: dict[str, list[str]] | None = None,
    omit_sections: tuple[str, ...] = (),
    omit_tables: tuple[str, ...] = (),
    omit_keys: tuple[str, ...] = (),
    period: tuple[date, date] | None = None,
    published_on: date | None = None,
    report_format: str | None = "same",
) -> ParsedReport:
    """A report of `fmt` whose `cells` and section `prose` replace the clean ones given."""
    year = year or DEFAULT_YEAR[fmt]
    figures = clean_cells(fmt)
    figures.update(cells or {})
    texts = clean_prose(fmt, year)
    texts.update(prose or {})
    lines = [agency, f"{year}年政府信息公开工作年度报告"]
    period_line = None
    if period is not None:
        lines.append(f"本报告中所列数据的统计期限自{_cn(period[0])}至{_cn(period[1])}止。")
        period_line = len(lines)
    report = ParsedReport(
        file="built.txt",
        lines=lines,
        format=fmt if report_format == "same" else report_format,
        agency_name=agency,
        year=year,
        title_year=year,
        text_years=[year],
        title_line=2,
        period=period,
        period_line=period_line,
        published_on=published_on,
    )
    titles = _TITLES_OLD if fmt == formats.FORMAT_2008 else _TITLES_NEW
    tables_by_section = {
        "proactive": [t for t in ("item20_1", "item20_5", "item20_6", "item20_8", "item20_9")],
        "requests": ["requests"],
        "appeals": ["appeals"],
    }
    for section, title in titles.items():
        if section in omit_sections:
            continue
        lines.append(title)
        first = len(lines)
        lines.extend(texts.get(section, []))
        if fmt != formats.FORMAT_2008:
            for table in tables_by_section.get(section, []):
                _add_table(report, fmt, table, figures, omit_tables, omit_keys)
        report.sections[section] = (first, len(lines))
    if fmt == formats.FORMAT_2008:
        lines.append(f"附件：{year}年度政府信息公开工作情况统计表")
        _add_table(report, fmt, "old_table", figures, omit_tables, omit_keys)
    lines.append("")
    return report


def _add_table(
    report: ParsedReport,
    fmt: str,
    table: str,
    figures: dict[str, Number | None],
    omit_tables: tuple[str, ...],
    omit_keys: tuple[str, ...],
) -> None:
    keys = [
        k
        for k in formats.all_keys(fmt)
        if (fmt == formats.FORMAT_2008 and table == "old_table") or k.split(".")[0] == table
    ]
    if not keys:
        return
    for key in keys:
        report.cells[key] = None
    if table in omit_tables:
        return
    report.tables_found.append(table)
    for key in keys:
        if key in omit_keys:
            continue
        value = figures.get(key)
        report.lines.append(f"\t{'' if value is None else value}")
        report.cell_lines[key] = len(report.lines)
        report.cells[key] = value
        report.lines.append("")


def _cn(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def rules_of(findings: list[object]) -> list[str]:
    return [f.rule for f in findings]  # type: ignore[attr-defined]
