"""The yearly figures of table 二 as CSV: `gongkai report figures import|export` and the figures page's
upload and download.

The file is CSV in UTF-8 (with or without the byte-order mark Excel writes) with the header `key,value`
and one canonical `item20_*` key of the year's format per row. An empty value leaves the figure blank
(never 0). A file is read whole before anything is saved: one bad row rejects the file, and every bad
row is listed with its line number (the header is line 1). Export writes every key of the format in
the table's order, blank where nothing was entered, so that an exported file imports again unchanged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError

from gongkai.reports import formats
from gongkai.reports.annual.figures import Number, figure_keys, parse_value

HEADER = ("key", "value")
MAX_BYTES = 256 * 1024  # a format has at most 20 figures: a larger file is not a figures file
MAX_ROWS = 500
_FORMATS = (formats.FORMAT_2019, formats.FORMAT_2021)


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"第 {self.line} 行：{self.message}"


class FiguresRejected(ValidationError):
    """The file was rejected and nothing was saved; `row_errors` lists every bad row."""

    def __init__(self, summary: str, row_errors: Sequence[RowError] = ()) -> None:
        self.summary = summary
        self.row_errors = list(row_errors)
        super().__init__([summary, *(str(error) for error in self.row_errors)])


def show(value: Number | None) -> str:
    """A figure as the file writes it: no exponent, no trailing zeros; "" when blank."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value != value.to_integral_value() else str(int(value))
    return str(value)


def _text(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise FiguresRejected(f"文件过大（超过 {MAX_BYTES // 1024} KB），不是年度数据文件。")
    try:
        # utf-8-sig: Excel's "CSV UTF-8" starts with a byte-order mark; plain UTF-8 has none.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FiguresRejected(
            "文件不是 UTF-8 编码的 CSV：请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后再导入。"
        ) from None
    if not text.strip():
        raise FiguresRejected("文件是空的：第 1 行应为表头 key,value。")
    return text


def _why_not_a_figure(fmt: str, key: str) -> str:
    """Why `key` cannot be imported for a report in format `fmt`."""
    if key in formats.all_keys(fmt):
        return f"“{key}”是第三、四部分的单元格，由办理记录计算，不能导入"
    for other in _FORMATS:
        if other != fmt and key in figure_keys(other):
            return f"“{key}”是{other}年格式的单元格；本年度的报告使用{fmt}年格式，请使用该格式的单元格"
    return f"未知的单元格“{key[:60]}”（{fmt}年格式第二部分的单元格见导出的文件）"


def _figure_row(
    fmt: str,
    wanted: set[str],
    computed: Mapping[str, Number],
    first_line: dict[str, int],
    line: int,
    cells: list[str],
) -> tuple[str, Number | None] | RowError:
    """One row after the header: its key and figure, or why it is refused (`first_line` notes the key)."""
    if len(cells) != len(HEADER):
        return RowError(line, f"应有两列（key,value），本行有 {len(cells)} 列")
    key, raw = cells
    if not key:
        return RowError(line, "缺少单元格（key）")
    if key not in wanted:
        return RowError(line, _why_not_a_figure(fmt, key))
    if key in first_line:
        return RowError(line, f"“{key}”与第 {first_line[key]} 行重复")
    first_line[key] = line
    try:
        value = parse_value(fmt, key, raw) if raw else None
    except ValueError as error:
        return RowError(line, str(error))
    if key in computed and value != computed[key]:
        return RowError(
            line,
            f"{formats.label_for(fmt, key)}：已由本机关的规范性文件记录计算为 {show(computed[key])}，"
            "不能导入其他数值",
        )
    return key, value


def read_figures_csv(
    data: bytes, *, fmt: str, computed: Mapping[str, Number] | None = None
) -> dict[str, Number | None]:
    """The figures the file gives, by key (None: leave blank); `FiguresRejected` listing every bad row.

    A figure computed from the body's records (`computed`) may appear only with its computed value."""
    computed = computed or {}
    wanted = set(figure_keys(fmt))
    reader = csv.reader(io.StringIO(_text(data), newline=""))
    values: dict[str, Number | None] = {}
    first_line: dict[str, int] = {}
    errors: list[RowError] = []
    header_seen = False
    try:
        for line, row in enumerate(reader, start=1):
            if line > MAX_ROWS:
                raise FiguresRejected(f"文件超过 {MAX_ROWS} 行，不是年度数据文件。")
            cells = [cell.strip() for cell in row]
            if not any(cells):
                continue  # blank lines (a trailing one is common) say nothing
            if not header_seen:
                header_seen = True
                if tuple(cell.lower() for cell in cells) != HEADER:
                    errors.append(RowError(line, f"表头应为 key,value，实为“{','.join(cells)[:60]}”"))
                continue
            read = _figure_row(fmt, wanted, computed, first_line, line, cells)
            if isinstance(read, RowError):
                errors.append(read)
            else:
                values[read[0]] = read[1]
    except csv.Error as error:
        raise FiguresRejected(f"第 {reader.line_num} 行：CSV 格式错误（{error}）") from None
    if not header_seen:
        raise FiguresRejected("文件是空的：第 1 行应为表头 key,value。")
    if errors:
        raise FiguresRejected(f"文件中有 {len(errors)} 行有误，未导入任何数据。", errors)
    return values


def figures_csv(fmt: str, figures: Mapping[str, Number | None], *, bom: bool = False) -> str:
    """Every key of table 二 of the format with its figure ("" where blank), under the header key,value."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for key in figure_keys(fmt):
        writer.writerow((key, show(figures.get(key))))
    return ("\ufeff" if bom else "") + out.getvalue()
