"""typo: a character repeated at distance 2 is the pattern of an A-B-A-C expression (适时适地,
随时随地, 各级各类) or an A-B-A one (一对一); where such an expression meets a word that shares its
first character ("同时" + "适时适地"), the text reads as a two-character word twice ("时适时适") but
no word was typed twice. A whole word typed twice is still a typo."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.reports.audit.reader import read_report
from gongkai.reports.auditing import audit_report
from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report

REAL_REPORTS = Path(__file__).resolve().parent / "real_reports"


def _typos(*lines: str) -> list[str]:
    report = build_report(prose={"overview": list(lines)})
    return [f.message for f in run_rules(report) if f.rule == "typo"]


def test_pingtan_2015_s_tongshi_shishi_shidi_is_not_a_typo() -> None:
    # "……同时适时适地公布各相关单位审计结果": 同时 + 适时适地.
    report = audit_report(read_report(REAL_REPORTS / "pingtan_2015.txt"))
    assert [f.message for f in report.findings if f.rule == "typo"] == []


@pytest.mark.parametrize(
    "line",
    [
        "各预算部门都已对外公布预决算，同时适时适地公布各相关单位审计结果。",
        "对社会关切及时适时适度回应。",
        "公众可以同时随时随地查阅政府信息。",
        "组织全区同时因时因地开展培训。",
        "为企业提供一对一对接服务。",
        "开展点对点对接，心连心连线群众。",
    ],
)
def test_an_expression_beside_a_word_that_shares_its_first_character_is_not_a_typo(line: str) -> None:
    assert _typos(line) == []


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("要做好信息信息公开工作。", "信息"),
        ("加强政府政府信息公开。", "政府"),
        ("全县各单位新收政府信息申请申请172件。", "申请"),
        ("对部分部分公开的申请复核。", "部分"),
        ("进一步健全健全工作制度。", "健全"),
        ("由办公室统一统一部署。", "统一"),
        ("制定应对应对措施。", "应对"),
        ("全区各级各级政府。", "各级"),
        ("随时随时更新。", "随时"),
    ],
)
def test_a_whole_word_typed_twice_is_still_a_typo(line: str, word: str) -> None:
    assert _typos(line) == [f"“{word}{word}”疑为重复录入，应为“{word}”"]
