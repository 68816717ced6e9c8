"""empty_section: a text section with nothing in it, a placeholder, or the template's prompt."""

from __future__ import annotations

from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report


def _empty(**prose: list[str]) -> list[str]:
    return [f.message for f in run_rules(build_report(prose=prose)) if f.rule == "empty_section"]


def test_a_section_with_no_text_is_a_warning() -> None:
    assert _empty(problems=[]) == ["第五部分“存在的主要问题及改进情况”没有内容"]


def test_a_problems_section_that_only_says_none_is_a_warning() -> None:
    assert _empty(problems=["无。"]) == ["第五部分“存在的主要问题及改进情况”只写了“无。”，没有实际内容"]


def test_the_template_prompt_left_in_place_is_a_warning() -> None:
    assert _empty(other=["（文字描述，收取信息处理费情况在此处报告。）"]) == [
        "第六部分“其他需要报告的事项”仍是模板的提示文字"
    ]


def test_none_is_a_fair_answer_to_other_matters() -> None:
    report = build_report(prose={"other": ["无。"]})

    assert not [f for f in run_rules(report) if f.rule == "empty_section"]
