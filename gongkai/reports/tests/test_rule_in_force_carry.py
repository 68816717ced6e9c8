"""in_force_carry: 现行有效件数(本年) = 现行有效件数(上年) + 本年制发 − 本年废止 (格式2021, a warning)."""

from __future__ import annotations

from gongkai.reports import formats
from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report


def test_documents_in_force_that_do_not_follow_from_last_year_are_a_warning() -> None:
    previous = build_report(year=2022, cells={"item20_1.normative_documents.in_force": 30})
    report = build_report(year=2023)

    (finding,) = [f for f in run_rules(report, previous) if f.rule == "in_force_carry"]

    assert finding.severity == "warning"
    line = previous.cell_lines["item20_1.normative_documents.in_force"]
    assert (
        finding.message
        == f"行政规范性文件现行有效件数为40，按上年30（上一年度报告第{line}行） + 本年制发5 − 本年废止2应为33"
    )


def test_documents_in_force_that_follow_pass() -> None:
    previous = build_report(year=2022, cells={"item20_1.normative_documents.in_force": 37})

    assert not [f for f in run_rules(build_report(year=2023), previous) if f.rule == "in_force_carry"]


def test_a_2019_format_last_year_is_not_checkable() -> None:
    previous = build_report(formats.FORMAT_2019, year=2020)
    report = build_report(year=2021)

    messages = [f.message for f in run_rules(report, previous) if f.rule == "not_checkable"]

    assert "上一年度报告不是2021年格式，没有“现行有效件数”，无法核对本年现行有效件数的增减" in messages
