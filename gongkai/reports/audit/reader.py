"""Reading a published annual report into a `ParsedReport`.

`read_report(path)` decodes the file in whatever form it was published (`inputs`), finds its
tables and their cells (`tables`, `runtogether`), what it says about itself (`facts`) and its
sections (`sections`). It adds the findings only the reader can make: `ambiguous_cell` (figures
that ran together and split more than one way) and `bad_number` for a cell whose text is no
figure. The consistency rules are the rules engine's (`gongkai.reports.rules`).

A file that cannot be decoded, or that has neither a report title nor a table, raises
`ReportUnreadable` with a message in Chinese; nothing else is raised on any input.
"""

from __future__ import annotations

from pathlib import Path

from gongkai.reports.audit.facts import read_facts
from gongkai.reports.audit.inputs import ReportUnreadable, decode_report
from gongkai.reports.audit.layout import parse_layout
from gongkai.reports.audit.model import Evidence, Finding, Number, ParsedReport
from gongkai.reports.audit.narrative import quoted_figures
from gongkai.reports.audit.runtogether import Ambiguity, PendingRow, resolve
from gongkai.reports.audit.sections import find_sections
from gongkai.reports.audit.tables import OLD_TABLE, FoundTables, RawRow, item20_columns, recognise_tables
from gongkai.reports.audit.text import parse_figure
from gongkai.reports.formats import FORMAT_2008, FORMAT_2019, all_keys, format_for_year, label_for, sum_rules

__all__ = ["ReportUnreadable", "read_file", "read_report", "read_report_bytes"]

PROCUREMENT_UNIT = "item20_9.procurement.amount_unit"

# Reports are a few hundred KB; a file far larger is not a report and would only cost memory.
MAX_BYTES = 50 * 1024 * 1024


def read_file(path: str | Path) -> bytes:
    """The bytes of a report file, or `ReportUnreadable` saying why not."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ReportUnreadable(f"文件过大（超过 {MAX_BYTES // 1024 // 1024} MB），不像一份年度报告")
        return path.read_bytes()
    except FileNotFoundError:
        raise ReportUnreadable("文件不存在") from None
    except IsADirectoryError:
        raise ReportUnreadable("这是一个目录，不是文件") from None
    except OSError as error:
        raise ReportUnreadable(f"无法读取文件：{error.strerror or error}") from None


def read_report(path: str | Path) -> ParsedReport:
    """The report in the file at `path`, or `ReportUnreadable`."""
    return read_report_bytes(read_file(path), str(path))


def read_report_bytes(data: bytes, name: str) -> ParsedReport:
    """The report in `data` (the bytes of a file called `name`), or `ReportUnreadable`."""
    decoded = decode_report(data, name)
    lines = decoded.lines
    layout = parse_layout(lines)
    facts = read_facts(lines, layout.text_lines)
    tables = recognise_tables(lines, layout)
    if facts.title is None and not tables.found:
        raise ReportUnreadable("未找到年度报告的标题，也未找到统计表：该文件不像一份政府信息公开工作年度报告")

    year = facts.title_year or (facts.text_years[0] if facts.text_years else None)
    if year is None and facts.period is not None:
        year = facts.period[0].year
    fmt = tables.format()
    format_from = "tables"
    if fmt is None and year is not None:
        fmt, format_from = format_for_year(year), "year"
        if fmt == FORMAT_2008 and tables.has_new_tables():
            fmt = FORMAT_2019  # the new tables, with nothing to tell 2019 from 2021: the earlier one
    report = ParsedReport(
        file=name,
        lines=lines,
        format=fmt,
        agency_name=facts.agency_name,
        year=year,
        title_year=facts.title_year,
        text_years=facts.text_years,
        title_line=facts.title_line,
        period=facts.period,
        period_line=facts.period_line,
        published_on=facts.published_on,
        sections=find_sections(lines, layout.text_lines),
        tables_found=list(tables.found),
        source_form=decoded.form,
        title=facts.title,
    )
    report.extras["format_from"] = format_from if fmt else None
    if tables.votes:
        report.extras["format_votes"] = dict(tables.votes)
    if fmt is not None:
        _fill_cells(report, fmt, tables, quoted_figures(lines, layout.text_lines, fmt))
    return report


def _row_keys(row: RawRow, fmt: str) -> list[str]:
    if row.table == OLD_TABLE:
        return [row.row] if row.row else []
    if row.table == "appeals":
        return [f"appeals.{column}" for column in row.columns or []]
    columns = row.columns or item20_columns(fmt, row.table)
    return [f"{row.table}.{row.row}.{column}" if column else "" for column in columns]


def _fill_cells(report: ParsedReport, fmt: str, tables: FoundTables, quoted: dict[str, set[int]]) -> None:
    keys = all_keys(fmt)
    report.cells = dict.fromkeys(keys)
    wanted = set(keys)
    pending: list[PendingRow] = []
    for row in tables.rows:
        row_keys = _row_keys(row, fmt)
        if row.run is not None:
            usable = [key for key in row_keys if key in wanted and key not in report.cell_lines]
            if usable and len(usable) == len(row_keys):
                pending.append(PendingRow(usable, row.run.text, row.run.line, row.label))
                for key in usable:
                    report.cell_lines[key] = row.run.line
            continue
        for key, cell in zip(row_keys, row.values or [], strict=False):
            if key not in wanted or key in report.cell_lines:
                continue  # a cell of another format, or one already read (the first copy counts)
            figure = parse_figure(cell.text)
            report.cells[key] = figure.value
            report.cell_lines[key] = cell.line
            if not figure.readable:
                report.findings.append(_bad_number(report, fmt, key, cell.text, cell.line))
            if key == "item20_9.procurement.amount":
                report.extras[PROCUREMENT_UNIT] = figure.unit or row.unit
    if fmt == FORMAT_2019:
        report.extras.setdefault(PROCUREMENT_UNIT, None)
    if pending:
        known: dict[str, Number | None] = {k: v for k, v in report.cells.items() if v is not None}
        values, ambiguities = resolve(pending, known, sum_rules(fmt), quoted)
        for key, value in values.items():
            report.cells[key] = value
        report.findings.extend(_ambiguous(report, fmt, ambiguity) for ambiguity in ambiguities)
        report.extras["run_together_rows"] = len(pending)


def _bad_number(report: ParsedReport, fmt: str, key: str, text: str, line: int) -> Finding:
    return Finding(
        rule="bad_number",
        severity="error",
        message=f"{label_for(fmt, key)}：单元格内容“{text.strip()}”不是数字，未能读取",
        keys=[key],
        evidence=[Evidence(line, report.lines[line - 1])],
    )


def _format_split(values: tuple[Number, ...]) -> str:
    return "/".join(str(value) for value in values)


def _ambiguous(report: ParsedReport, fmt: str, ambiguity: Ambiguity) -> Finding:
    row = ambiguity.row
    labels = "、".join(label_for(fmt, key) for key in ambiguity.keys[:3])
    more = f"等 {len(ambiguity.keys)} 个单元格" if len(ambiguity.keys) > 3 else ""
    examples = "；".join(_format_split(example) for example in ambiguity.examples)
    detail = f"（可能的拆分如：{examples}）" if examples else ""
    return Finding(
        rule="ambiguous_cell",
        severity="warning",
        message=(
            f"“{row.label.strip()}”一行的数字连在一起（“{row.figures}”），{ambiguity.reason}{detail}，"
            f"{labels}{more}无法确定，记为空"
        ),
        keys=list(ambiguity.keys),
        evidence=[Evidence(row.line, report.lines[row.line - 1])],
    )
