"""Figures that ran together are split only where exactly one split fits the table's sums and the
figures its text quotes; otherwise the cells are None with an `ambiguous_cell` finding."""

from __future__ import annotations

from decimal import Decimal
from typing import TypedDict

from gongkai.reports.audit.model import Finding, Number
from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.audit.runtogether import PendingRow, resolve, split_figures
from gongkai.reports.formats import sum_rules

HEAD = "某市人民政府办公室\n2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容本年制发件数本年废止件数现行有效件数\n规章000\n"


class Read(TypedDict):
    cells: dict[str, Number | None]
    findings: list[Finding]
    lines: list[str]


def _read(text: str) -> Read:
    report = read_report_bytes(text.encode(), "r.txt")
    # The fragment has table 二 only: the tables it lacks are `tables_unread`, said elsewhere.
    findings = [f for f in report.findings if f.rule != "tables_unread"]
    return {"cells": report.cells, "findings": findings, "lines": report.lines}


def test_every_split_has_the_row_count_and_no_leading_zero() -> None:
    splits = split_figures("1232145", 3)
    assert splits is not None
    assert sorted(splits) == sorted(
        [
            (1, 2, 32145), (1, 23, 2145), (1, 232, 145), (1, 2321, 45), (1, 23214, 5),
            (12, 3, 2145), (12, 32, 145), (12, 321, 45), (12, 3214, 5),
            (123, 2, 145), (123, 21, 45), (123, 214, 5),
            (1232, 1, 45), (1232, 14, 5), (12321, 4, 5),
        ]
    )  # fmt: skip
    assert split_figures("000", 3) == [(0, 0, 0)]
    assert split_figures("1005", 2) == [(100, 5)]


def test_spaces_signs_and_decimal_points_are_kept_as_printed() -> None:
    assert split_figures("12 3", 3) == [(1, 2, 3)]
    assert split_figures("1152-3", 2) == [(1152, -3)]
    assert (Decimal("12.5"), 3) in (split_figures("12.53", 2) or [])
    assert split_figures("12", 3) == []  # fewer figures than cells


def test_the_example_row_is_read_when_the_text_quotes_its_figures() -> None:
    text = HEAD.replace(
        "二、主动公开政府信息情况",
        "2022年制发行政规范性文件12件，废止32件，现行有效145件。\n二、主动公开政府信息情况",
    )
    read = _read(text + "行政规范性文件1232145\n")
    cells = read["cells"]
    assert cells["item20_1.normative_documents.issued"] == 12
    assert cells["item20_1.normative_documents.repealed"] == 32
    assert cells["item20_1.normative_documents.in_force"] == 145
    assert read["findings"] == []


def test_the_example_row_is_never_guessed_when_nothing_decides() -> None:
    read = _read(HEAD + "行政规范性文件1232145\n")
    cells = read["cells"]
    keys = [
        "item20_1.normative_documents.issued",
        "item20_1.normative_documents.repealed",
        "item20_1.normative_documents.in_force",
    ]
    assert all(cells[key] is None for key in keys)
    [finding] = read["findings"]
    assert finding.rule == "ambiguous_cell"
    assert finding.severity == "warning"
    assert finding.keys == keys
    assert "1232145" in finding.message
    assert read["lines"][finding.evidence[0].line - 1] == "行政规范性文件1232145"
    assert cells["item20_1.regulations.issued"] == 0


def _requests_row(row: str, figures: str) -> PendingRow:
    columns = [
        "natural_person",
        "commercial_enterprise",
        "research_institution",
        "public_interest_org",
        "legal_service_org",
        "other_org",
        "total",
    ]
    return PendingRow([f"requests.{row}.{c}" for c in columns], figures, 1, row)


def test_a_row_total_decides_a_row_of_table_three() -> None:
    # 10|2|0|0|0|0|12 is the only split of "102000012" whose 总计 is the sum of the others.
    values, ambiguities = resolve([_requests_row("disclosed", "102000012")], {}, sum_rules("2021"), {})
    assert values["requests.disclosed.natural_person"] == 10
    assert values["requests.disclosed.total"] == 12
    assert ambiguities == []


COLUMNS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "public_interest_org",
    "legal_service_org",
    "other_org",
    "total",
)


def test_a_column_sum_decides_between_splits_that_both_fit_the_row_total() -> None:
    # "110000011" is 11|0|0|0|0|0|11 or 1|10|0|0|0|0|11; 一+二=三+四 per column says which.
    known: dict[str, int] = {
        f"requests.{row}.{c}": 0 for row in ("carried_in", "carried_out") for c in COLUMNS
    }
    known.update(zip((f"requests.results_total.{c}" for c in COLUMNS), (11, 0, 0, 0, 0, 0, 11), strict=True))
    values, ambiguities = resolve([_requests_row("new_received", "110000011")], known, sum_rules("2021"), {})
    assert [values[f"requests.new_received.{c}"] for c in COLUMNS] == [11, 0, 0, 0, 0, 0, 11]
    assert ambiguities == []


def test_cells_on_which_the_fitting_splits_disagree_are_none_and_the_others_are_read() -> None:
    values, ambiguities = resolve([_requests_row("new_received", "110000011")], {}, sum_rules("2021"), {})
    assert values["requests.new_received.natural_person"] is None
    assert values["requests.new_received.commercial_enterprise"] is None
    assert values["requests.new_received.total"] == 11  # both splits agree on it
    [ambiguity] = ambiguities
    assert ambiguity.keys == [
        "requests.new_received.natural_person",
        "requests.new_received.commercial_enterprise",
    ]
    assert sorted(ambiguity.examples) == [(1, 10, 0, 0, 0, 0, 11), (11, 0, 0, 0, 0, 0, 11)]
