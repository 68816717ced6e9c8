"""Single cells: `blank_cell` (a blank or missing figure) and `bad_number` (a count that is negative or
fractional). Tables that were not found at all are told once, as `not_checkable`.
"""

from __future__ import annotations

from decimal import Decimal

from gongkai.reports import formats
from gongkai.reports.audit.model import Evidence, Finding
from gongkai.reports.rules.common import OTHER_PROCESSING_2021, TABLE_TITLES, Check, show, table_of

# Money may have decimals (万元, 元); every other cell is a count of items, cases or people.
MONEY_KEYS = {
    "item20_8.fees.amount_10k_yuan",
    "item20_9.procurement.amount",
    "fees_10k_yuan",
    "budget_10k_yuan",
}


def _may_be_negative(fmt: str, key: str) -> bool:
    # 格式2019 表二：“本年增/减” is a change against the year before.
    return fmt == formats.FORMAT_2019 and key.endswith(".change")


def _keys_by_table(check: Check, fmt: str) -> dict[str, list[str]]:
    """The format's cells by table, those of rows the report rightly did not print left out."""
    by_table: dict[str, list[str]] = {}
    for key in formats.all_keys(fmt):
        if check.single_other_row and key.startswith(OTHER_PROCESSING_2021):
            # Table 三 printed （六）其他处理 as the 2019 format's one row: its three rows of the
            # 2021 format are not blank but not printed, and format_mismatch says so.
            continue
        by_table.setdefault(table_of(fmt, key), []).append(key)
    return by_table


def check_blank_cells(check: Check) -> list[Finding]:
    fmt = check.fmt
    if fmt is None:
        return []  # told once by the sums
    findings: list[Finding] = []
    by_table = _keys_by_table(check, fmt)
    missing_tables = [t for t in by_table if not check.table_found(t) and t.startswith("item20_")]
    if missing_tables:
        names = "、".join(TABLE_TITLES[t] for t in missing_tables)
        findings.append(check.finding("not_checkable", f"未找到{names}，无法核对其中的数据"))
    for table, keys in by_table.items():
        if not check.table_found(table):
            continue
        empty = [k for k in keys if check.value(k) is None and k not in check.ambiguous_keys]
        blank = [k for k in empty if k in check.report.cell_lines]
        absent = [k for k in empty if k not in check.report.cell_lines]
        title = TABLE_TITLES[table]
        if blank:
            names = "、".join(check.label(k) for k in blank)
            message = f"{title}有{len(blank)}处空白：{names}；没有发生的事项应填0，空白不能当作0"
            evidence = [e for k in blank for e in _blank_evidence(check, k)]
            findings.append(check.finding("blank_cell", message, blank, evidence))
        if absent and fmt == formats.FORMAT_2008 and check.report.extras.get("extra_cells"):
            # A regional variant of the old table (福建's, with 历年累计 or rows of its own) prints
            # only some of the national table's rows: a row it lacks is no blank, but its figure
            # cannot be checked.
            names = "、".join(check.label(k) for k in absent)
            message = f"{title}为地方格式，未列出{len(absent)}项，无法核对：{names}"
            findings.append(check.finding("not_checkable", message, absent))
        elif absent:
            names = "、".join(check.label(k) for k in absent)
            message = f"{title}缺少{len(absent)}项：{names}"
            findings.append(check.finding("blank_cell", message, absent))
    blank_regional = _blank_regional_cells(check)
    if blank_regional is not None:
        findings.append(blank_regional)
    return findings


REGIONAL_COLUMN = ".cumulative"


def _regional_label(check: Check, key: str) -> str:
    """ "政府公报公开（历年累计）"; a regional row by its printed label (电子邮件申请数)."""
    row = key.removesuffix(REGIONAL_COLUMN)
    rows = formats.spec()["formats"][formats.FORMAT_2008].get("regional_rows", {}).get("rows", {})
    label = str(rows[row][0]) if row in rows else check.label(row)
    return label + ("（历年累计）" if key.endswith(REGIONAL_COLUMN) else "")


def _blank_regional_cells(check: Check) -> Finding | None:
    """The regional cells (历年累计, 电子邮件申请数 …) that the report's table printed blank: they are
    no key of the format, but a blank in the table the body published is a blank all the same."""
    blank = [str(key) for key in check.report.extras.get("blank_extra_cells") or []]
    if not blank:
        return None
    names = "、".join(_regional_label(check, key) for key in blank)
    lines = check.report.cell_lines
    evidence = [Evidence(lines[key], f"{_regional_label(check, key)}：空白") for key in blank if key in lines]
    message = f"{TABLE_TITLES['old_table']}（地方增列的栏目）有{len(blank)}处空白：{names}；没有发生的事项应填0，空白不能当作0"
    return check.finding("blank_cell", message, blank, evidence)


def _blank_evidence(check: Check, key: str) -> list[Evidence]:
    line = check.report.cell_lines[key]
    return [Evidence(line, f"{check.label(key)}：空白")]


def check_bad_numbers(check: Check) -> list[Finding]:
    fmt = check.fmt
    if fmt is None:
        return []
    findings: list[Finding] = []
    for key, value in check.report.cells.items():
        if value is None:
            continue
        problem = ""
        if value < 0 and not _may_be_negative(fmt, key):
            problem = "为负数"
        elif isinstance(value, Decimal) and value != value.to_integral_value() and key not in MONEY_KEYS:
            problem = "不是整数"
        if problem:
            kind = "金额不能为负数" if key in MONEY_KEYS else "此项是件数、人数或次数，应为非负整数"
            message = f"{check.label(key)}为{show(value)}，{problem}；{kind}"
            findings.append(check.finding("bad_number", message, [key], check.cell_evidence([key])))
    return findings
