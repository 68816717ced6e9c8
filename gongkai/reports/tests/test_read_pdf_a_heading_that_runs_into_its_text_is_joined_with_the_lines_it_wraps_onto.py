"""A PDF whose section heading runs into its paragraph ("一、概述 推进政府信息公开工作是……"), the
paragraph wrapped over several lines (here "……政府信息公开工作" | "条例》……"): the lines after the heading's are the same paragraph and are
joined to it, so that a phrase broken by the wrap is read whole (the regulation cited by a wrong
name, 《中华人民共和国政府信息公开工作条例》, was missed when "条例》" began the next line)."""

from __future__ import annotations

from functools import cache

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.auditing import audit_report
from gongkai.reports.tests.corpus import forms

OVERVIEW = (
    "一、概述本年度全面认真扎实推进政府信息公开工作是本县贯彻实施《中华人民共和国政府信息公开工作条例》和落实"
    "国务院《全面推进依法行政实施纲要》的重要举措，是本县推进服务政府、法治政府、责任政府建设的"
    "一项重要工作，全年稳步开展。"
)
BLOCKS: list[forms.Block] = [
    "某县人民政府2012年政府信息公开工作年度报告",
    "本报告所列数据的统计期限自2012年1月1日起至2012年12月31日。",
    OVERVIEW,
    "二、主动公开政府信息情况",
    "全年主动公开政府信息2026条。",
]


@cache
def _read() -> ParsedReport:
    return audit_report(read_report_bytes(forms.to_pdf(BLOCKS), "heading.pdf"))


def test_the_paragraph_after_a_run_in_heading_is_one_line() -> None:
    assert OVERVIEW in _read().lines


def test_the_phrase_the_wrap_broke_is_read_whole() -> None:
    rules = {finding.rule for finding in _read().findings}
    assert "regulation_name" in rules


def test_a_heading_on_a_line_of_its_own_stays_a_line_of_its_own() -> None:
    assert "二、主动公开政府信息情况" in _read().lines
