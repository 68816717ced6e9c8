"""Seed 000 (慈溪市政府办公室, 2018, old table): text says 0 行政诉讼 where the table has 1; more items than
channels; three training sessions told, one counted; paragraph （八） skipped."""

from __future__ import annotations

from gongkai.reports.rules import run_rules
from gongkai.reports.tests.seed_reports import seed


def test_seed_000_findings_are_exactly_its_defects() -> None:
    findings = run_rules(seed("000"))

    assert [(f.severity, f.rule, f.keys[:1], [e.line for e in f.evidence][:1]) for f in findings] == [
        ("warning", "old_format_sum", ["proactive_total"], [62]),
        ("warning", "narrative_mismatch", ["trainings"], [12]),
        ("warning", "narrative_mismatch", ["litigation_total"], [38]),
        ("info", "typo", [], [14]),
    ]
    messages = [f.message for f in findings]
    assert messages[0].startswith(
        "主动公开政府信息数为8457，大于通过各渠道公开的政府信息数之和8424（223+562+6200+1439+0）"
    )
    assert messages[1].startswith("正文称举办培训班数为3（")
    assert (
        messages[2]
        == "正文称行政诉讼案件数为0（“因政府信息公开申请引起行政诉讼和行政复议0件”），统计表“行政诉讼数量”为1"
    )
    assert messages[3] == "段落序号由（七）跳至（九），缺少（八）"


def test_seed_000_has_no_error() -> None:
    assert not [f for f in run_rules(seed("000")) if f.severity == "error"]
