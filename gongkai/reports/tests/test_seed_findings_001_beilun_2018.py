"""Seed 001 (宁波市北仑区, 2018, old table) is clean: its figures add up and its text quotes them right."""

from __future__ import annotations

from gongkai.reports.rules import run_rules
from gongkai.reports.tests.seed_reports import seed


def test_seed_001_has_no_finding() -> None:
    assert run_rules(seed("001")) == []


def test_seed_001_with_an_altered_figure_is_caught() -> None:
    report = seed("001")
    report.cells["requests_online"] = 57  # 72 received = 0 + 0 + 58 + 14 in the real report

    (finding,) = run_rules(report)

    assert (finding.severity, finding.rule) == ("error", "old_format_sum")
    assert (
        finding.message
        == "收到申请数为72，当面申请数、传真申请数、网络申请数、信函申请数之和为71（0+0+57+14）"
    )
