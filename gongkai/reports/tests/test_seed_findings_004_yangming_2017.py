"""Seed 004 (余姚市阳明街道办事处, 2017, old table): period to 12月8日 and dated that day, 《政务信息公开条例》,
blank and missing cells, 收到申请数 6 vs 8, 申请答复数 6 vs 12, more items than channels, 1550余 vs 1599."""

from __future__ import annotations

from gongkai.reports.rules import run_rules
from gongkai.reports.tests.seed_reports import seed


def test_seed_004_findings_are_exactly_its_defects() -> None:
    findings = run_rules(seed("004"))

    assert [(f.severity, f.rule, [e.line for e in f.evidence]) for f in findings] == [
        ("error", "old_format_sum", [158, 170, 174]),
        ("error", "old_format_sum", [190, 198, 238, 242]),
        ("warning", "old_format_sum", [77, 97, 101, 105, 109]),
        ("warning", "blank_cell", [85, 93, 150, 298]),
        ("warning", "blank_cell", []),
        ("warning", "narrative_mismatch", [33, 77]),
        ("warning", "period", [5, 22, 33]),
        ("warning", "period", [61]),
        ("warning", "regulation_name", [5, 7, 41]),
    ]
    messages = [f.message for f in findings]
    assert messages[0] == "收到申请数为6，当面申请数、传真申请数、网络申请数、信函申请数之和为8（0+0+2+6）"
    assert messages[1].startswith("申请答复数为6，") and messages[1].endswith("之和为12（0+6+0+0+0+5+1+0）")
    assert "政府公报公开政府信息数空白" in messages[2]
    assert messages[3].startswith(
        "政府信息公开情况统计表有4处空白：制发规范性文件总数、政府公报公开政府信息数、其他方式回应事件数、设置政府信息公开查阅点数"
    )
    assert messages[4] == "政府信息公开情况统计表缺少1项：政府信息公开专项经费"
    assert "1550余" in messages[5] and "1599" in messages[5]
    assert (
        messages[6]
        == "统计期限为2017年1月1日至2017年12月8日，不是报告年度的全年（2017年1月1日至2017年12月31日）"
    )
    assert messages[7] == "落款日期为2017年12月8日，在报告年度结束之前，全年数据不可能完整"
    assert messages[8].startswith(
        "引用的法规名称有误：《中华人民共和国政务信息公开条例》、《政务信息公开条例》"
    )
