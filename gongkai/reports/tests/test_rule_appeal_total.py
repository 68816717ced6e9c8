"""appeal_total: in each block of table 四, 总计 = 维持 + 纠正 + 其他 + 尚未审结."""

from __future__ import annotations

from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report


def test_a_block_whose_total_is_not_the_sum_of_its_outcomes_is_an_error() -> None:
    report = build_report(cells={"appeals.litigation_after_reconsideration.corrected": 2})

    findings = [f for f in run_rules(report) if f.rule == "appeal_total"]

    assert [(f.severity, f.message) for f in findings] == [
        ("error", "行政诉讼（复议后起诉）：总计为0，结果维持、结果纠正、其他结果、尚未审结之和为2（0+2+0+0）")
    ]


def test_pending_cases_count_in_the_total() -> None:
    report = build_report(cells={"appeals.reconsideration.pending": 2, "appeals.reconsideration.total": 3})

    assert not [f for f in run_rules(report) if f.rule == "appeal_total"]
