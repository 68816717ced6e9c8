"""carry_over: this year's 上年结转 equals last year's 结转下年度继续办理, column by column."""

from __future__ import annotations

from gongkai.reports import formats
from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report


def test_a_carried_in_figure_that_differs_from_last_years_carried_out_is_a_warning() -> None:
    previous = build_report(
        year=2022, cells={"requests.carried_out.natural_person": 3, "requests.carried_out.total": 3}
    )
    report = build_report(
        year=2023,
        cells={
            "requests.new_received.natural_person": 11,
            "requests.new_received.total": 11,
            "requests.carried_in.natural_person": 1,
            "requests.carried_in.total": 1,
        },
    )

    findings = [f for f in run_rules(report, previous) if f.rule == "carry_over"]

    line = previous.cell_lines["requests.carried_out.natural_person"]
    assert [f.message for f in findings] == [
        f"本年“上年结转”（自然人）为1，上一年度报告“结转下年度继续办理”为3（上一年度报告第{line}行）",
        f"本年“上年结转”（总计）为1，上一年度报告“结转下年度继续办理”为3（上一年度报告第{line + 12}行）",
    ]
    assert findings[0].evidence[0].line == report.cell_lines["requests.carried_in.natural_person"]


def test_matching_figures_pass_and_no_previous_report_means_no_check() -> None:
    previous = build_report(
        year=2022, cells={"requests.carried_out.natural_person": 2, "requests.carried_out.total": 2}
    )
    report = build_report(year=2023)

    assert not [f for f in run_rules(report, previous) if f.rule in ("carry_over", "not_checkable")]
    assert not [f for f in run_rules(report) if f.rule == "carry_over"]


def test_an_old_table_last_year_is_not_checkable() -> None:
    previous = build_report(formats.FORMAT_2008, year=2018)
    report = build_report(formats.FORMAT_2019, year=2019)

    messages = [f.message for f in run_rules(report, previous) if f.rule == "not_checkable"]

    assert "上一年度报告使用旧版统计表，没有“结转下年度继续办理”一项，无法核对本年“上年结转”" in messages


def test_a_previous_report_of_another_year_is_not_checkable() -> None:
    previous = build_report(year=2021)
    report = build_report(year=2023)

    messages = [f.message for f in run_rules(report, previous) if f.rule == "not_checkable"]

    assert messages == ["作为上一年度报告提供的是2021年度报告，不是2022年度的，未做跨年度核对"]
