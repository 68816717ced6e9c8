"""fee_statement: 格式2021 section 六 reports 信息处理费 (收取信息处理费的情况，在此处专门报告)."""

from __future__ import annotations

from gongkai.reports import formats
from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report


def _fees(fmt: str = formats.FORMAT_2021, **prose: list[str]) -> list[str]:
    return [f.message for f in run_rules(build_report(fmt, prose=prose)) if f.rule == "fee_statement"]


def test_a_sixth_section_silent_on_fees_is_a_warning() -> None:
    assert _fees(other=["本年度无其他需要报告的事项。"]) == [
        "第六部分“其他需要报告的事项”未报告收取信息处理费的情况（格式要求在此处专门报告，未收取也应说明）"
    ]


def test_fees_told_elsewhere_must_move_to_the_sixth_section() -> None:
    (message,) = _fees(other=["无。"], problems=["本年度未收取信息处理费，政策解读形式仍不够丰富。"])
    assert message.endswith("；报告其他部分提到了信息处理费，应移至第六部分")


def test_saying_no_fee_was_collected_is_enough() -> None:
    assert _fees(other=["本年度未收取信息处理费。"]) == []


def test_the_2019_format_does_not_ask_for_it() -> None:
    assert _fees(formats.FORMAT_2019, other=["无。"]) == []
