"""balance: 一 + 二 = 三（七） + 四 in every column of table 三 (格式2019/2021 表头)."""

from __future__ import annotations

from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report


def test_a_column_out_of_balance_is_an_error_naming_both_sides() -> None:
    report = build_report(cells={"requests.carried_out.natural_person": 4, "requests.carried_out.total": 4})

    findings = [f for f in run_rules(report) if f.rule == "balance"]

    assert [f.severity for f in findings] == ["error", "error"]
    natural = findings[0]
    assert "“自然人”列" in natural.message
    assert "10 + 二、上年结转2 = 12" in natural.message
    assert "三（七）总计9 + 四、结转下年度4 = 13" in natural.message
    assert "requests.carried_out.natural_person" in natural.keys
    carried_out_line = report.cell_lines["requests.carried_out.natural_person"]
    assert carried_out_line in [e.line for e in natural.evidence]


def test_a_balanced_table_has_no_balance_finding() -> None:
    assert not [f for f in run_rules(build_report()) if f.rule == "balance"]
