"""The three report formats of `report_formats.json`: canonical keys, labels and sum rules.

A report's figures are a flat mapping from canonical keys (`requests.new_received.natural_person`,
`appeals.reconsideration.total`, `proactive_total`, …) to numbers, or None where a cell is blank.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

SPEC_PATH = Path(__file__).resolve().parent / "data" / "report_formats.json"

FORMAT_2008 = "2008"
FORMAT_2019 = "2019"
FORMAT_2021 = "2021"
FORMATS = (FORMAT_2008, FORMAT_2019, FORMAT_2021)


@cache
def spec() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    return data


def format_for_year(year: int) -> str:
    """The format a report on `year` must use: 2021 from 2021 on, 2019 for 2019–2020, else 2008."""
    if year >= 2021:
        return FORMAT_2021
    if year >= 2019:
        return FORMAT_2019
    return FORMAT_2008


REQUEST_COLUMNS: tuple[str, ...] = tuple(spec()["formats"]["2021"]["tables"]["requests"]["columns"])
APPLICANT_COLUMNS: tuple[str, ...] = REQUEST_COLUMNS[:-1]  # every column but 总计
APPEAL_ROWS: tuple[str, ...] = tuple(spec()["formats"]["2021"]["tables"]["appeals"]["rows"])
APPEAL_COLUMNS: tuple[str, ...] = tuple(spec()["formats"]["2021"]["tables"]["appeals"]["columns"])
APPEAL_OUTCOMES: tuple[str, ...] = APPEAL_COLUMNS[:-1]  # upheld, corrected, other, pending

_ROWS_2021: tuple[str, ...] = tuple(spec()["formats"]["2021"]["tables"]["requests"]["rows"])
_OTHER_2021 = ("other_no_correction", "other_fee_unpaid", "other_other")


def request_rows(fmt: str) -> tuple[str, ...]:
    """The rows of table 三 in order. 2019 has one （六） row, `other_processing`."""
    if fmt == FORMAT_2021:
        return _ROWS_2021
    if fmt == FORMAT_2019:
        rows: list[str] = []
        for row in _ROWS_2021:
            if row == "other_no_correction":
                rows.append("other_processing")
            elif row not in _OTHER_2021:
                rows.append(row)
        return tuple(rows)
    raise ValueError(f"format {fmt} has no table 三")


def result_rows(fmt: str) -> tuple[str, ...]:
    """The result rows from `disclosed` to the last （六） row (21 in 2021, 19 in 2019)."""
    rows = request_rows(fmt)
    return rows[rows.index("disclosed") : rows.index("results_total")]


def request_label(fmt: str, row: str) -> str:
    if row == "other_processing":
        return "三（六）其他处理"
    label: str = spec()["formats"]["2021"]["tables"]["requests"]["rows"][row]
    return label


def request_keys(fmt: str) -> list[str]:
    return [f"requests.{row}.{column}" for row in request_rows(fmt) for column in REQUEST_COLUMNS]


def appeal_keys() -> list[str]:
    return [f"appeals.{row}.{column}" for row in APPEAL_ROWS for column in APPEAL_COLUMNS]


def _proactive_tables(fmt: str) -> dict[str, Any]:
    tables: dict[str, Any] = spec()["formats"][fmt]["tables"]
    return {name: table for name, table in tables.items() if name.startswith("item20_")}


def proactive_keys(fmt: str) -> list[str]:
    """Keys of table 二 (第二十条 items). 2019's procurement amount also has its printed unit."""
    keys: list[str] = []
    for name, table in _proactive_tables(fmt).items():
        for row in table["rows"]:
            for column in table["columns"]:
                keys.append(f"{name}.{row}.{column}")
    return keys


def old_format_keys() -> list[str]:
    return list(spec()["formats"]["2008"]["keys"])


def all_keys(fmt: str) -> list[str]:
    """Every cell of the format, in the order the tables print them."""
    if fmt == FORMAT_2008:
        return old_format_keys()
    return proactive_keys(fmt) + request_keys(fmt) + appeal_keys()


def label_for(fmt: str, key: str) -> str:
    """A human label for a key, from the official template wording."""
    if fmt == FORMAT_2008:
        label: str = spec()["formats"]["2008"]["keys"].get(key, key)
        return label
    table, row, column = key.split(".")
    if table == "requests":
        cols = spec()["formats"]["2021"]["tables"]["requests"]["columns"]
        return f"{request_label(fmt, row)} / {cols[column]}"
    if table == "appeals":
        t = spec()["formats"]["2021"]["tables"]["appeals"]
        return f"{t['rows'][row]} / {t['columns'][column]}"
    t = _proactive_tables(fmt)[table]
    return f"{t['title']} {t['rows'][row]} / {t['columns'][column].split(' (')[0]}"


@dataclass(frozen=True)
class SumRule:
    """`total` must equal the sum of `parts` (and, for `balance`, `minus` is moved to the total side).

    balance: new_received + carried_in = results_total + carried_out  →  parts = (new, carried_in),
    total = results_total, minus = (carried_out,): parts == total + Σ minus.
    """

    rule: str
    total: str
    parts: tuple[str, ...]
    minus: tuple[str, ...] = ()
    at_most: bool = False  # the total is only bounded by the parts (old table's 其中 lines)


def sum_rules(fmt: str) -> list[SumRule]:
    """The equalities of the format, one per column or row, with the rule id of DESIGN.md."""
    rules: list[SumRule] = []
    if fmt in (FORMAT_2019, FORMAT_2021):
        results = result_rows(fmt)
        for column in REQUEST_COLUMNS:
            rules.append(
                SumRule(
                    "balance",
                    f"requests.results_total.{column}",
                    (f"requests.new_received.{column}", f"requests.carried_in.{column}"),
                    minus=(f"requests.carried_out.{column}",),
                )
            )
            rules.append(
                SumRule(
                    "detail_sum",
                    f"requests.results_total.{column}",
                    tuple(f"requests.{row}.{column}" for row in results),
                )
            )
        for row in request_rows(fmt):
            rules.append(
                SumRule(
                    "row_total",
                    f"requests.{row}.total",
                    tuple(f"requests.{row}.{column}" for column in APPLICANT_COLUMNS),
                )
            )
        for row in APPEAL_ROWS:
            rules.append(
                SumRule(
                    "appeal_total",
                    f"appeals.{row}.total",
                    tuple(f"appeals.{row}.{column}" for column in APPEAL_OUTCOMES),
                )
            )
        return rules
    old = [
        ("requests_received", ("requests_in_person", "requests_fax", "requests_online", "requests_letter")),
        ("requests_closed", ("requests_closed_on_time", "requests_closed_extended")),
        (
            "replies_total",
            (
                "replies_already_public",
                "replies_granted",
                "replies_partially_granted",
                "replies_refused",
                "replies_not_this_agency",
                "replies_not_exist",
                "replies_correction_requested",
                "replies_other_channel",
            ),
        ),
        (
            "replies_refused",
            (
                "refused_state_secret",
                "refused_commercial_secret",
                "refused_privacy",
                "refused_security_stability",
                "refused_not_government_info",
                "refused_other_legal",
            ),
        ),
        (
            "reconsideration_total",
            ("reconsideration_upheld", "reconsideration_corrected", "reconsideration_other"),
        ),
        ("litigation_total", ("litigation_upheld", "litigation_corrected", "litigation_other")),
        ("staff_total", ("staff_full_time", "staff_part_time")),
    ]
    for total, parts in old:
        rules.append(SumRule("old_format_sum", total, parts))
    return rules


def zero_cells(fmt: str, tables: tuple[str, ...] = ("requests", "appeals")) -> dict[str, int]:
    """Every cell of the named tables at zero: the figures of a body with no records."""
    keys: list[str] = []
    if "requests" in tables:
        keys += request_keys(fmt)
    if "appeals" in tables:
        keys += appeal_keys()
    return dict.fromkeys(keys, 0)
