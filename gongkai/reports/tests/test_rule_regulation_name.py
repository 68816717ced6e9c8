"""regulation_name: the 条例 cited by a name it does not have."""

from __future__ import annotations

from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report


def _names(*lines: str) -> list[tuple[str, str, list[int]]]:
    report = build_report(prose={"overview": list(lines)})
    return [
        (f.severity, f.message, [e.line for e in f.evidence])
        for f in run_rules(report)
        if f.rule == "regulation_name"
    ]


def test_wrong_names_are_one_warning_listing_each_with_their_lines() -> None:
    found = _names(
        "本年报根据《中华人民共和国政务信息公开条例》要求编制。",
        "扎实落实《政务信息公开条例》。",
        "再次学习《政务信息公开条例》和《政府信息公开条列》。",
    )
    assert found == [
        (
            "warning",
            "引用的法规名称有误：《中华人民共和国政务信息公开条例》、《政务信息公开条例》、《政府信息公开条列》，"
            "应为《中华人民共和国政府信息公开条例》（可简称《条例》）",
            [4, 5, 6],
        )
    ]


def test_the_right_names_and_other_regulations_pass() -> None:
    assert (
        _names(
            "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《政府信息公开条例》，",
            "以及《宁波市政务信息公开规定》、《浙江省行政规范性文件管理办法》、《优化营商环境条例》。",
        )
        == []
    )
