"""overview_length: 格式2021 — 总体情况“篇幅原则上不超过一千字”."""

from __future__ import annotations

from gongkai.reports import formats
from gongkai.reports.rules import run_rules
from gongkai.reports.rules.structure import overview_words
from gongkai.reports.tests.rule_factories import build_report

SENTENCE = "本机关坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开。"  # 40 字


def _lengths(fmt: str, sentences: int) -> list[str]:
    report = build_report(fmt, prose={"overview": [SENTENCE * sentences]})
    return [f.message for f in run_rules(report) if f.rule == "overview_length"]


def test_an_overview_over_a_thousand_words_is_a_warning_in_the_2021_format() -> None:
    assert _lengths(formats.FORMAT_2021, 26) == [
        "第一部分“总体情况”约1040字，超过格式要求的一千字（篇幅原则上不超过一千字）"
    ]


def test_a_thousand_words_or_the_2019_format_pass() -> None:
    assert _lengths(formats.FORMAT_2021, 25) == []
    assert _lengths(formats.FORMAT_2019, 40) == []


def test_words_are_counted_as_word_processors_count_them() -> None:
    assert overview_words("2023年共收到申请103件，办结率100%。") == 15
