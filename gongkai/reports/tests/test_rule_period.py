"""period: the statistics period is the whole report year, and the report is not dated before its end."""

from __future__ import annotations

from datetime import date

from gongkai.reports import formats
from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report


def _periods(**kwargs: object) -> list[tuple[str, str, list[int]]]:
    report = build_report(formats.FORMAT_2008, year=2017, **kwargs)  # type: ignore[arg-type]
    return [
        (f.severity, f.message, [e.line for e in f.evidence]) for f in run_rules(report) if f.rule == "period"
    ]


def test_a_period_ending_before_31_december_is_a_warning_at_its_line() -> None:
    found = _periods(period=(date(2017, 1, 1), date(2017, 12, 8)))
    assert found == [
        (
            "warning",
            "统计期限为2017年1月1日至2017年12月8日，不是报告年度的全年（2017年1月1日至2017年12月31日）",
            [3],
        )
    ]


def test_the_whole_calendar_year_is_fine() -> None:
    assert _periods(period=(date(2017, 1, 1), date(2017, 12, 31))) == []


def test_figures_given_as_of_a_day_before_the_year_end_are_shown_as_evidence() -> None:
    prose = {"proactive": ["截止2017年12月8日，街道主动公开政务信息共500条。"]}
    (finding,) = _periods(period=(date(2017, 1, 1), date(2017, 12, 8)), prose=prose)
    assert finding[2] == [3, 7]


def test_a_report_dated_before_the_year_ends_is_a_warning() -> None:
    found = _periods(published_on=date(2017, 12, 8))
    assert [(s, m) for s, m, _ in found] == [
        ("warning", "落款日期为2017年12月8日，在报告年度结束之前，全年数据不可能完整")
    ]


def test_a_report_dated_in_the_following_january_is_fine() -> None:
    assert _periods(published_on=date(2018, 1, 20)) == []
