"""bad_number: counts are non-negative integers; 2019's 本年增/减 may be negative, money may have decimals."""

from __future__ import annotations

from decimal import Decimal

from gongkai.reports import formats
from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report


def _bad(fmt: str, cells: dict[str, object]) -> list[tuple[str, str, list[str]]]:
    report = build_report(fmt, cells=cells)  # type: ignore[arg-type]
    return [(f.severity, f.message, f.keys) for f in run_rules(report) if f.rule == "bad_number"]


def test_a_negative_count_is_an_error() -> None:
    found = _bad(formats.FORMAT_2021, {"item20_6.penalty.decisions": -4})
    assert found == [
        (
            "error",
            "第二十条第（六）项 行政处罚 / 本年处理决定数量为-4，为负数；此项是件数、人数或次数，应为非负整数",
            ["item20_6.penalty.decisions"],
        )
    ]


def test_a_fractional_count_is_an_error() -> None:
    found = _bad(formats.FORMAT_2008, {"trainees": Decimal("40.5")})
    assert [(s, k) for s, _, k in found] == [("error", ["trainees"])]
    assert "不是整数" in found[0][1]


def test_a_negative_change_in_the_2019_format_is_allowed() -> None:
    assert _bad(formats.FORMAT_2019, {"item20_6.penalty.change": -12}) == []


def test_money_may_have_decimals_but_not_be_negative() -> None:
    assert _bad(formats.FORMAT_2021, {"item20_8.fees.amount_10k_yuan": Decimal("12.35")}) == []
    found = _bad(formats.FORMAT_2008, {"fees_10k_yuan": Decimal("-0.5")})
    assert [s for s, _, _ in found] == ["error"]
    assert "金额不能为负数" in found[0][1]
