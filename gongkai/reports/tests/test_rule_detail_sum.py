"""detail_sum: 三（七）总计 is the sum of the result rows, column by column."""

from __future__ import annotations

from gongkai.reports import formats
from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report


def test_result_rows_that_do_not_add_up_to_the_total_are_an_error_with_both_figures() -> None:
    report = build_report(
        formats.FORMAT_2019,
        cells={
            "requests.not_processed_duplicate.natural_person": 1,
            "requests.not_processed_duplicate.total": 1,
        },
    )

    findings = [f for f in run_rules(report) if f.rule == "detail_sum"]

    assert [f.message for f in findings] == [
        "三（七）总计（自然人）为9，各项办理结果之和为10",
        "三（七）总计（总计）为9，各项办理结果之和为10",
    ]
    assert all(f.severity == "error" for f in findings)
    assert report.cell_lines["requests.results_total.natural_person"] == findings[0].evidence[0].line


def test_the_2021_format_counts_its_three_other_processing_rows() -> None:
    report = build_report(
        formats.FORMAT_2021,
        cells={
            "requests.unavailable_not_held.natural_person": 2,
            "requests.unavailable_not_held.total": 2,
            "requests.other_fee_unpaid.natural_person": 1,
            "requests.other_fee_unpaid.total": 1,
        },
    )

    assert not [f for f in run_rules(report) if f.rule == "detail_sum"]
