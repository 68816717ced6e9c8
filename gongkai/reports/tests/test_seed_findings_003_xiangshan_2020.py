"""Seed 003 (宁波市象山县人民政府办公室, 2020, format 2019): result rows add to 176 against 总计 175 while
一+二=三+四 holds; a reading room planned in 奉化 and 全区 in a 县's report (copied); "申请申请"."""

from __future__ import annotations

from gongkai.reports.rules import run_rules
from gongkai.reports.tests.seed_reports import seed


def test_seed_003_findings_are_exactly_its_defects() -> None:
    findings = run_rules(seed("003"))

    assert [(f.severity, f.rule, f.message) for f in findings] == [
        ("error", "detail_sum", "三（七）总计（自然人）为170，各项办理结果之和为171"),
        ("error", "detail_sum", "三（七）总计（总计）为175，各项办理结果之和为176"),
        (
            "warning",
            "foreign_place",
            "文中提到“奉化”（宁波市奉化区），既不是本机关所在的宁波市象山县，也不是其上级或下级行政区，疑为照抄其他地区的报告",
        ),
        (
            "warning",
            "foreign_place",
            "本机关所在的象山县是县，文中却称“区政府”、“区行政服务中心”、“全区”，疑为照抄某个区的报告",
        ),
        ("info", "typo", "“申请申请”疑为重复录入，应为“申请”"),
    ]
    assert [e.line for e in findings[2].evidence] == [406]
    assert [e.line for e in findings[4].evidence] == [12]


def test_seed_003_balance_holds_so_only_the_detail_sum_is_an_error() -> None:
    rules = {f.rule for f in run_rules(seed("003")) if f.severity == "error"}

    assert rules == {"detail_sum"}
