"""missing_section: the 2019 and 2021 formats have six sections; the old reports are not held to them."""

from __future__ import annotations

from gongkai.reports import formats
from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report


def test_each_missing_section_of_the_new_formats_is_a_warning() -> None:
    report = build_report(formats.FORMAT_2019, omit_sections=("problems", "other"))

    messages = [(f.severity, f.message) for f in run_rules(report) if f.rule == "missing_section"]

    assert messages == [
        ("warning", "缺少第五部分“存在的主要问题及改进情况”"),
        ("warning", "缺少第六部分“其他需要报告的事项”"),
    ]


def test_old_reports_are_not_held_to_the_six_sections() -> None:
    report = build_report(formats.FORMAT_2008, omit_sections=("other",))

    assert not [f for f in run_rules(report) if f.rule == "missing_section"]
