"""`tables_unread`: a table the report's format requires that was not read, wholly or in part.

A report from which the reader took no cell, or only part of a table, must never pass silently
as if its figures had been checked (条例第五十条: the report contains the statistics; the formats
of 国办公开办函〔2019〕60号 and 〔2021〕30号 fix its tables). A cell that was read but is blank or
ambiguous is not unread: `blank_cell` and `ambiguous_cell` say so.
"""

from __future__ import annotations

from gongkai.reports.audit.model import Finding, ParsedReport
from gongkai.reports.formats import FORMAT_2008, all_keys, label_for, spec

_OTHER_2021 = ("requests.other_no_correction.", "requests.other_fee_unpaid.", "requests.other_other.")


def table_of(key: str) -> str:
    return key.split(".", 1)[0] if "." in key else "old_table"


def table_title(fmt: str, table: str) -> str:
    if table == "old_table":
        return "政府信息公开情况统计表"
    if table == "requests":
        return "表三（收到和处理政府信息公开申请情况）"
    if table == "appeals":
        return "表四（政府信息公开行政复议、行政诉讼情况）"
    title: str = spec()["formats"][fmt]["tables"][table]["title"]
    return f"表二{title}"


def tables_unread(report: ParsedReport, fmt: str, single_other_row: bool = False) -> Finding | None:
    """The finding naming the tables (and how many of their cells) not read, or None."""
    located = set(report.cell_lines)
    if fmt == FORMAT_2008:
        # Regional variants of the old table print only some of its rows: it is unread only when
        # no row of it was found.
        if located or report.extras.get("extra_cells"):
            return None
        return Finding(
            "tables_unread",
            "error",
            "未能读取政府信息公开情况统计表：报告中没有读出任何一个单元格，统计数据均未核对",
            [],
        )
    missing: dict[str, list[str]] = {}
    for key in all_keys(fmt):
        if key in located:
            continue
        if single_other_row and key.startswith(_OTHER_2021):
            continue  # printed as the 2019 format's one （六） row: format_mismatch says so
        missing.setdefault(table_of(key), []).append(key)
    if not missing:
        return None
    counts = {table: sum(1 for key in all_keys(fmt) if table_of(key) == table) for table in missing}
    parts = []
    for table, keys in missing.items():
        if len(keys) == counts[table]:
            parts.append(f"{table_title(fmt, table)}全部 {len(keys)} 个单元格")
        else:
            example = label_for(fmt, keys[0])
            parts.append(f"{table_title(fmt, table)}中 {len(keys)} 个单元格（如“{example}”）")
    message = "未能读取统计表，其中的数据均未核对：" + "；".join(parts)
    return Finding("tables_unread", "error", message, [key for keys in missing.values() for key in keys])
