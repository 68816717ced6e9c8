"""not_checkable: a rule whose table, cells or facts are missing says so instead of passing."""

from __future__ import annotations

from gongkai.reports import formats
from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report


def _messages(report: object) -> list[str]:
    return [f.message for f in run_rules(report) if f.rule == "not_checkable"]  # type: ignore[arg-type]


def test_a_missing_table_three_is_not_checkable_by_name() -> None:
    report = build_report(omit_tables=("requests",))

    assert (
        "未找到表三（收到和处理政府信息公开申请情况），无法核对：收支平衡（一+二=三（七）+四）、办理结果明细合计、横向总计"
        in _messages(report)
    )


def test_a_missing_proactive_table_is_not_checkable() -> None:
    report = build_report(omit_tables=("item20_5",))

    assert "未找到表二 第二十条第（五）项，无法核对其中的数据" in _messages(report)


def test_a_missing_old_table_is_not_checkable() -> None:
    report = build_report(formats.FORMAT_2008, omit_tables=("old_table",))

    assert "未找到政府信息公开情况统计表，无法核对：统计表分项合计" in _messages(report)


def test_an_unrecognised_format_is_not_checkable() -> None:
    report = build_report(report_format=None)

    assert any(m.startswith("未识别出年度报告的统计表格式") for m in _messages(report))


def test_an_unknown_year_is_not_checkable() -> None:
    report = build_report()
    report.year = report.title_year = None

    assert any(m.startswith("标题和正文中均未找到报告年度") for m in _messages(report))


def test_a_complete_report_has_nothing_not_checkable() -> None:
    assert _messages(build_report()) == []
