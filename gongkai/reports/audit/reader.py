"""Reading a published annual report into a `ParsedReport`.

`read_report(path)` reads the file in whatever form it was published into a `Document` (`inputs`,
`document`), finds its tables and their cells (`tables`; a table whose structure was lost is read
as a stream aligned to the format's rows, `stream`, and run-together figures are split by
`runtogether`), what it says about itself (`facts`) and its sections (`sections`). It adds the findings only the reader can make: `ambiguous_cell` (figures
that ran together and split more than one way) and `bad_number` for a cell whose text is no
figure. The consistency rules are the rules engine's (`gongkai.reports.rules`).

A file that cannot be decoded, or that has neither a report title nor a table, raises
`ReportUnreadable` with a message in Chinese; nothing else is raised on any input.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gongkai.reports.audit.facts import Facts, read_facts
from gongkai.reports.audit.inputs import ReportUnreadable, decode_report
from gongkai.reports.audit.layout import Cell
from gongkai.reports.audit.model import Evidence, Finding, Number, ParsedReport
from gongkai.reports.audit.narrative import quoted_figures
from gongkai.reports.audit.runtogether import Ambiguity, PendingRow, resolve
from gongkai.reports.audit.sections import find_sections
from gongkai.reports.audit.stream import (
    StreamTables,
    make_stream,
    read_new_tables,
    read_old_table,
)
from gongkai.reports.audit.tables import OLD_TABLE, FoundTables, RawRow, item20_columns, recognise_tables
from gongkai.reports.audit.text import parse_figure
from gongkai.reports.audit.unread import tables_unread
from gongkai.reports.formats import (
    FORMAT_2008,
    FORMAT_2019,
    FORMAT_2021,
    SumRule,
    all_keys,
    format_for_year,
    label_for,
    sum_rules,
)

__all__ = ["ReportUnreadable", "read_file", "read_report", "read_report_bytes"]

PROCUREMENT_UNIT = "item20_9.procurement.amount_unit"
# The extra cells of a 2021 report's table 三 that prints （六）其他处理 as one row (the 2019 format's).
SINGLE_OTHER_ROW = "requests.other_processing_single_row"

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
    document = decode_report(data, name)
    lines = document.lines
    layout = document.layout()
    facts = read_facts(lines, layout.text_lines, document.published_on)
    tables = recognise_tables(lines, layout)
    year = _year(facts)
    fmt = tables.format()
    format_from = "tables"
    streamed: StreamTables | None = None
    if fmt is None or document.flattened or _incomplete(tables, fmt):
        # Rows without blank lines, the whole report on one line, cells run together, a text
        # with no cell structure at all: the tables are read again as a stream of labels and
        # figures in the format's row order, and the stream's rows are taken for each table of
        # which it read more.
        streamed, stream_format = _read_stream(lines, fmt, year)
        if fmt is None and stream_format is not None:
            fmt, format_from = stream_format, "tables"
        if streamed is not None:
            _take_streamed(tables, streamed)
    if facts.title is None and not tables.found:
        raise ReportUnreadable("未找到年度报告的标题，也未找到统计表：该文件不像一份政府信息公开工作年度报告")
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
        prose_lines=list(layout.text_lines),
        tables_found=list(tables.found),
        source_form=document.form,
        title=facts.title,
    )
    report.extras["format_from"] = format_from if fmt else None
    if tables.votes:
        report.extras["format_votes"] = dict(tables.votes)
    if fmt is not None:
        _read_cells(report, fmt, tables, streamed, layout.text_lines)
    return report


def _year(facts: Facts) -> int | None:
    """The report's year: the title's, else the first the text names, else its period's."""
    year = facts.title_year or (facts.text_years[0] if facts.text_years else None)
    if year is None and facts.period is not None:
        year = facts.period[0].year
    return year


def _read_cells(
    report: ParsedReport, fmt: str, tables: FoundTables, streamed: StreamTables | None, text_lines: list[int]
) -> None:
    """The cells of the report in format `fmt` from the tables found (and the stream's), with the
    finding on the tables not read."""
    lines, year = report.lines, report.year
    children = _printed_children(tables, fmt, streamed.children if streamed is not None else tables.children)
    if children:
        report.extras["printed_children"] = {key: list(value) for key, value in children.items()}
    prose = _prose_lines(lines, text_lines)
    single_other_row = any(row.row == "other_processing" for row in tables.rows)
    if single_other_row and fmt == FORMAT_2021:
        # Table 三 prints （六）其他处理 as one row, as the 2019 format did: format_mismatch. Its
        # figures have no key of the format: they are read beside the cells, as extra cells.
        report.extras["requests_other_processing_single_row"] = True
        for row in tables.rows:
            if row.row != "other_processing":
                continue
            if row.keys is None:
                row.keys = [f"{SINGLE_OTHER_ROW}.{column}" if column else "" for column in row.columns or []]
            else:  # read from a stream with the 2019 format's keys
                row.keys = [f"{SINGLE_OTHER_ROW}.{key.rsplit('.', 1)[1]}" if key else "" for key in row.keys]
    _fill_cells(report, fmt, tables, lambda: quoted_figures(lines, prose, fmt, year), children)
    unread = tables_unread(report, fmt, single_other_row and fmt == FORMAT_2021)
    if unread is not None:
        report.findings.insert(0, unread)


# The prose a report's figures are looked for in, when cells ran together: a report has a few
# thousand characters of it; text far beyond that is no report's and would only cost time.
PROSE_LIMIT = 100_000


def _prose_lines(lines: list[str], text_lines: list[int]) -> list[int]:
    """The paragraph lines up to `PROSE_LIMIT` characters."""
    taken: list[int] = []
    size = 0
    for number in text_lines:
        size += len(lines[number - 1])
        if size > PROSE_LIMIT:
            break
        taken.append(number)
    return taken


def _printed_children(tables: FoundTables, fmt: str, children: dict[str, list[str]]) -> dict[str, list[str]]:
    """The rows printed under a total of a regional old table (one with 历年累计 or rows of its
    own), read from its grid, its lines or a stream; the standard table nests its rows otherwise
    ("（二）" over "1.", "其中" under a total it does not sum to), and its sums are the format's."""
    wanted = set(all_keys(fmt))
    regional = any(key not in wanted for row in tables.rows if row.keys for key in row.keys)
    return children if regional else {}


def _keys_read(tables: FoundTables, fmt: str) -> dict[str, set[str]]:
    """Table → the keys of it that rows were found for."""
    found: dict[str, set[str]] = {}
    for row in tables.rows:
        if row.unmapped is None and _has_figures(row):
            found.setdefault(row.table, set()).update(k for k in _row_keys(row, fmt) if k)
    return found


def _has_figures(row: RawRow) -> bool:
    """Whether anything was printed in the row's value cells (a label whose figures are on the
    lines below it, with no cell structure, has none)."""
    if row.run is not None:
        return bool(row.run.text.strip())
    return any(cell.text.strip() for cell in row.values or [])


def _incomplete(tables: FoundTables, fmt: str) -> bool:
    """Whether a table the format requires was not read, wholly or in part."""
    read = _keys_read(tables, fmt)
    if fmt == FORMAT_2008:
        return not read.get(OLD_TABLE)
    wanted = set(all_keys(fmt))
    have = set().union(*read.values()) if read else set()
    return bool(wanted - have)


def _read_stream(
    lines: list[str], fmt: str | None, year: int | None
) -> tuple[StreamTables | None, str | None]:
    """The tables read as a stream, for the format known or the one whose rows fit best."""
    stream = make_stream(lines)
    if fmt == FORMAT_2008:
        return read_old_table(stream), FORMAT_2008
    if fmt in (FORMAT_2019, FORMAT_2021):
        return read_new_tables(stream, fmt), fmt
    candidates = [(read_new_tables(stream, f), f) for f in (FORMAT_2021, FORMAT_2019)]
    candidates.append((read_old_table(stream), FORMAT_2008))
    preferred = format_for_year(year) if year is not None else None

    def score(item: tuple[StreamTables, str]) -> tuple[int, bool]:
        found, f = item
        return (sum(1 for row in found.rows if row.figures.strip()), f == preferred)

    best = max(candidates, key=score)
    if score(best)[0] == 0:
        return None, None
    return best


def _take_streamed(tables: FoundTables, streamed: StreamTables) -> None:
    """Use the stream's rows for each table of which it read more than the rows did."""
    by_table: dict[str, list[RawRow]] = {}
    for row in streamed.rows:
        by_table.setdefault(row.table, []).append(
            RawRow(
                row.table,
                row.row,
                row.label,
                run=Cell(row.figures, row.line),
                keys=list(row.keys),
                unit=row.unit,
            )
        )
    unmapped = tables.unmapped_tables()
    for table, rows in by_table.items():
        if table in unmapped:
            continue  # its grid was found but its header not recognised: its figures are not guessed
        mine = sum(1 for row in tables.rows if row.table == table and _has_figures(row))
        if sum(1 for row in rows if _has_figures(row)) > mine:
            tables.rows = [row for row in tables.rows if row.table != table] + rows
            if table not in tables.found:
                tables.found.append(table)


def _row_keys(row: RawRow, fmt: str) -> list[str]:
    if row.keys is not None:
        return list(row.keys)
    if row.table == OLD_TABLE:
        return [row.row] if row.row else []
    if row.table == "appeals":
        return [f"appeals.{column}" if column else "" for column in row.columns or []]
    columns = row.columns or item20_columns(fmt, row.table)
    return [f"{row.table}.{row.row}.{column}" if column else "" for column in columns]


def _fill_cells(
    report: ParsedReport,
    fmt: str,
    tables: FoundTables,
    quoted: Callable[[], dict[str, set[int]]],
    children: dict[str, list[str]],
) -> None:
    keys = all_keys(fmt)
    report.cells = dict.fromkeys(keys)
    wanted = set(keys)
    # Regional columns and rows (历年累计, 电子邮件申请数, …): read beside the cells, as extra cells.
    extra = {key for row in tables.rows if row.keys for key in row.keys if key not in wanted}
    pending: list[PendingRow] = []
    unmapped: dict[str, list[RawRow]] = {}
    for row in tables.rows:
        if row.unmapped is not None:
            unmapped.setdefault(row.table, []).append(row)
            continue
        row_keys = _row_keys(row, fmt)
        if row.run is not None:
            _hold_run(report, row, row.run, row_keys, wanted | extra, pending)
        else:
            _take_row(report, fmt, row, row_keys, wanted)
            _take_extra_cells(report, row, row_keys, extra)
    if fmt == FORMAT_2019:
        report.extras.setdefault(PROCUREMENT_UNIT, None)
    for rows in unmapped.values():
        report.findings.append(_unmapped(report, fmt, rows, wanted))
    if pending:
        rules = _printed_sums(children, extra) if fmt == FORMAT_2008 and extra else sum_rules(fmt)
        _resolve_runs(report, fmt, pending, wanted, rules, quoted)


def _hold_run(
    report: ParsedReport,
    row: RawRow,
    run: Cell,
    row_keys: list[str],
    readable: set[str],
    pending: list[PendingRow],
) -> None:
    """A row whose figures ran together, held to be split with the others (when every cell of it is one
    of the format's or a regional extra, and none was read before)."""
    usable = [key for key in row_keys if key in readable and key not in report.cell_lines]
    if usable and len(usable) == len(row_keys):
        pending.append(PendingRow(usable, run.text, run.line, row.label))
        if "item20_9.procurement.amount" in usable:
            report.extras[PROCUREMENT_UNIT] = row.unit
        for key in usable:
            report.cell_lines[key] = run.line


def _take_row(report: ParsedReport, fmt: str, row: RawRow, row_keys: list[str], wanted: set[str]) -> None:
    """The figures of a row read cell by cell."""
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


def _take_extra_cells(report: ParsedReport, row: RawRow, row_keys: list[str], extra: set[str]) -> None:
    """The regional cells of a row read cell by cell (a grid's 历年累计 column, 电子邮件申请数), into
    `extra_cells` as the stream's are; a cell printed blank is named in `blank_extra_cells`."""
    for key, cell in zip(row_keys, row.values or [], strict=False):
        if key not in extra or key in report.cell_lines:
            continue
        figure = parse_figure(cell.text)
        report.extras.setdefault("extra_cells", {})[key] = figure.value
        report.cell_lines[key] = cell.line
        if figure.value is None and figure.readable:
            report.extras.setdefault("blank_extra_cells", []).append(key)


def _resolve_runs(
    report: ParsedReport,
    fmt: str,
    pending: list[PendingRow],
    wanted: set[str],
    rules: list[SumRule],
    quoted: Callable[[], dict[str, set[int]]],
) -> None:
    """The rows that ran together, split where one split fits; the others' cells blank and ambiguous."""
    known: dict[str, Number | None] = {k: v for k, v in report.cells.items() if v is not None}
    # The figures the text quotes are looked for only when some row ran together.
    values, ambiguities = resolve(pending, known, rules, quoted)
    extra_cells: dict[str, Number | None] = {}
    for key, value in values.items():
        if key in wanted:
            report.cells[key] = value
        else:
            extra_cells[key] = value
    if extra_cells:
        report.extras.setdefault("extra_cells", {}).update(extra_cells)
        unclear = {key for ambiguity in ambiguities for key in ambiguity.keys}
        blank = [key for key, value in extra_cells.items() if value is None and key not in unclear]
        if blank:
            # Printed blank (not ambiguous): blank_cell names them as it names the format's.
            report.extras.setdefault("blank_extra_cells", []).extend(blank)
    report.findings.extend(
        _ambiguous(report, fmt, ambiguity) for ambiguity in ambiguities if _canonical(ambiguity, wanted)
    )
    report.extras["run_together_rows"] = len(pending)


def _canonical(ambiguity: Ambiguity, wanted: set[str]) -> bool:
    """Whether an ambiguity concerns a cell of the format (not only a regional extra)."""
    ambiguity.keys = [key for key in ambiguity.keys if key in wanted]
    return bool(ambiguity.keys)


# The old table's totals that equal the rows printed under them ("其中：1. … 2. …"); the channels
# of 主动公开 do not (an item published on several channels counts once).
_PRINTED_TOTALS = frozenset(
    {
        "requests_received",
        "requests_closed",
        "replies_total",
        "replies_refused",
        "reconsideration_total",
        "litigation_total",
        "staff_total",
    }
)


def _printed_sums(children: dict[str, list[str]], extra: set[str]) -> list[SumRule]:
    """The sums of a regional old table as printed: a total and the rows under it, in every value
    column; each row under a total at most that total; and the current year at most the 历年累计
    beside it."""
    columns = [""] + ([".cumulative"] if any(key.endswith(".cumulative") for key in extra) else [])
    rules: list[SumRule] = []
    for total, parts in children.items():
        for suffix in columns:
            # A row under "其中" is at most its total, in every column (an item published on a
            # channel is one of the items published).
            for part in parts:
                rules.append(SumRule("old_format_sum", part + suffix, (total + suffix,), at_most=True))
            if total in _PRINTED_TOTALS:
                rules.append(
                    SumRule("old_format_sum", total + suffix, tuple(part + suffix for part in parts))
                )
    for key in extra:
        if key.endswith(".cumulative"):
            rules.append(SumRule("cumulative", key.removesuffix(".cumulative"), (key,), at_most=True))
    return rules


def _unmapped(report: ParsedReport, fmt: str, rows: list[RawRow], wanted: set[str]) -> Finding:
    """The cells of a table whose header was not recognised: found, not mapped, never guessed."""
    table = rows[0].table
    keys = [key for key in all_keys(fmt) if key.startswith(f"{table}.") and key not in report.cell_lines]
    if table == OLD_TABLE:
        keys = [row.row for row in rows if row.row in wanted and row.row not in report.cell_lines]
    lines = sorted({cell.line for row in rows for cell in row.values or []})
    return Finding(
        rule="ambiguous_cell",
        severity="warning",
        message=f"{rows[0].unmapped}：这些单元格记为空，未核对",
        keys=keys,
        evidence=[Evidence(line, report.lines[line - 1]) for line in lines[:1]],
    )


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
