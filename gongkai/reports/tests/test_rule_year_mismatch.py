"""year_mismatch: the year of the title against the period and the year the text speaks of."""

from __future__ import annotations

from datetime import date

from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report


def test_a_period_in_another_year_than_the_title_is_a_warning() -> None:
    report = build_report(year=2023, period=(date(2022, 1, 1), date(2022, 12, 31)))

    messages = [f.message for f in run_rules(report) if f.rule == "year_mismatch"]

    assert messages == ["标题为2023年度报告，统计期限却在2022年"]


def test_a_text_mainly_about_another_year_is_a_warning() -> None:
    report = build_report(
        year=2023, prose={"overview": ["2022年，本机关认真贯彻条例。2022年共收到申请10件。"]}
    )
    report.text_years = [2022, 2023]

    (finding,) = [f for f in run_rules(report) if f.rule == "year_mismatch"]

    assert finding.message == "标题为2023年度报告，正文所述却主要是2022年的情况"
    assert [e.line for e in finding.evidence] == [2, 4]


def test_a_matching_title_and_text_have_no_finding() -> None:
    report = build_report(year=2023, period=(date(2023, 1, 1), date(2023, 12, 31)))

    assert not [f for f in run_rules(report) if f.rule == "year_mismatch"]
