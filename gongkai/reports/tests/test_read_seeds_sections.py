"""Sections are found by their headings, whatever their numbering, with the lines they span."""

from __future__ import annotations

import itertools

from gongkai.reports.audit.reader import read_report
from gongkai.reports.tests.corpus.forms import seed


def _heading(report_name: str, section: str) -> str:
    report = read_report(seed(report_name))
    first, _ = report.sections[section]
    return report.lines[first - 1].strip()


def test_arabic_numbered_headings_are_sections_as_in_seed_002() -> None:
    assert _heading("002", "overview") == "1、 总体情况"
    assert _heading("002", "appeals") == "4、 政府信息公开行政复议、行政诉讼情况"
    assert _heading("002", "other") == "六、其他需要报告的事项"


def test_a_section_ends_where_the_next_one_starts() -> None:
    report = read_report(seed("003"))
    order = sorted(report.sections.values())
    for (_, end), (start, _) in itertools.pairwise(order):
        assert end < start
    assert report.lines[report.sections["problems"][1] - 1].startswith("（三）加强“互联网+政务服务”工作")


def test_sub_headings_that_reuse_the_top_numbers_stay_inside_the_overview() -> None:
    # Seed 001 starts its overview with "一、进一步加强…" … "四、进一步推进…" before "二、主动公开政府信息情况".
    report = read_report(seed("001"))
    first, last = report.sections["overview"]
    assert report.lines[first - 1] == "一、概述"
    assert report.lines[report.sections["proactive"][0] - 1] == "二、主动公开政府信息情况"
    assert last < report.sections["proactive"][0]
    assert any(
        report.lines[n - 1].startswith("四、进一步推进政务公开制度化规范化") for n in range(first, last + 1)
    )


def test_an_unrecognised_heading_between_two_sections_ends_the_first() -> None:
    # Seed 000: 二 主动公开 is followed by 三、公开载体建设应用情况 before 四 依申请公开.
    report = read_report(seed("000"))
    _, last = report.sections["proactive"]
    assert report.lines[last].startswith("三、公开载体建设应用情况")


def test_the_attachment_ends_the_last_section() -> None:
    report = read_report(seed("001"))
    _, last = report.sections["other"]
    assert report.lines[last - 1] == "本年度无其他需要报告的事项。"
