"""Figures in the prose are read one way (`prose_figures`) by the reader, which splits run-together rows
by them (`quoted_figures`), and by `narrative_mismatch`, which holds them against the tables: approximate
figures, "余/多", other years' figures, numerals in words, percentages and dates, each case alike in both."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from gongkai.reports import formats
from gongkai.reports.audit.model import Number
from gongkai.reports.audit.narrative import quoted_figures
from gongkai.reports.audit.reader import read_report
from gongkai.reports.prose_figures import count_figures, percent_agrees, report_year
from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report

RECEIVED = "requests.new_received.total"
TITLE = "某某县人民政府2023年政府信息公开工作年度报告"


def _quoted(sentence: str) -> set[int]:
    return quoted_figures([TITLE, sentence], [1, 2], formats.FORMAT_2021).get(RECEIVED, set())


def _mismatch(sentence: str, received: int = 10) -> list[str]:
    """The narrative_mismatch findings on new applications when the table says `received` (2023)."""
    prose = {"overview": [sentence], "proactive": [], "requests": [], "appeals": []}
    cells: dict[str, Number | None] = {RECEIVED: received, "requests.new_received.natural_person": received}
    report = build_report(formats.FORMAT_2021, prose=prose, cells=cells)
    return [f.message for f in run_rules(report) if f.rule == "narrative_mismatch" and RECEIVED in f.keys]


@pytest.mark.parametrize(
    ("sentence", "quoted", "checked"),
    [
        # an exact count of the year: quoted for the split, and compared
        ("2023年共收到政府信息公开申请12件。", {12}, True),
        # numerals in words are figures
        ("2023年共收到政府信息公开申请十二件。", {12}, True),
        ("2023年共收到政府信息公开申请两件。", {2}, True),
        # approximate figures are neither
        ("2023年共收到政府信息公开申请约12件。", set(), False),
        ("2023年共收到政府信息公开申请近20件。", set(), False),
        ("2023年共收到政府信息公开申请超过20件。", set(), False),
        ("2023年共收到政府信息公开申请12件左右。", set(), False),
        # another year's figure, or one against last year, is neither
        ("2022年共收到政府信息公开申请12件。", set(), False),
        ("2023年收到政府信息公开申请较上年增加12件。", set(), False),
    ],
)
def test_a_sentence_is_quoted_for_the_split_exactly_when_the_rule_compares_it(
    sentence: str, quoted: set[int], checked: bool
) -> None:
    assert _quoted(sentence) == quoted
    assert bool(_mismatch(sentence)) is checked


def test_a_figure_with_yu_is_at_least_that_many_for_the_rule_and_no_value_for_the_split() -> None:
    assert _quoted("2023年共收到政府信息公开申请10余件。") == set()
    assert _mismatch("2023年共收到政府信息公开申请10余件。", received=14) == []
    assert _mismatch("2023年共收到政府信息公开申请300余件。", received=399) == []
    (message,) = _mismatch("2023年共收到政府信息公开申请10余件。", received=25)
    assert message.startswith("正文称收到申请数为10余")


def test_a_right_figure_is_quoted_and_not_reported() -> None:
    assert _quoted("2023年共收到政府信息公开申请10件。") == {10}
    assert _mismatch("2023年共收到政府信息公开申请10件。") == []


def test_numerals_in_words_that_are_no_count_are_not_read() -> None:
    assert count_figures("无一件被纠错", 2023)[0].usable is False
    assert count_figures("举办第三期培训班", 2023)[0].usable is False
    assert count_figures("推行一件事一次办", 2023)[0].usable is False
    assert [f.value for f in count_figures("收到申请十二件，办结三件", 2023)] == [12, 3]


def test_percentages_and_dates_are_never_counts() -> None:
    assert count_figures("其中依申请公开占43.3%", 2023) == []
    assert [f.value for f in count_figures("2023年1月5日受理申请3件", 2023)] == [3]
    assert count_figures("统计期限自2023年1月1日至2023年12月31日", 2023) == []


def test_a_printed_percentage_agrees_when_it_is_the_ratio_rounded_or_cut_to_its_digits() -> None:
    assert percent_agrees(Decimal("43.3"), 433, 1000)
    assert percent_agrees(Decimal("33.3"), 1, 3)  # 33.33… rounded
    assert percent_agrees(Decimal("66"), 2, 3)  # 66.6… cut
    assert percent_agrees(Decimal("67"), 2, 3)  # 66.6… rounded
    assert not percent_agrees(Decimal("70"), 2, 3)


def test_the_report_year_for_the_split_is_the_first_the_prose_names() -> None:
    lines = ["标题:平潭综合实验区2013年政府信息公开工作年度报告", "2012年历年累计…"]
    assert report_year(lines, [1, 2]) == 2013
    # Given the year, another year's figure is not quoted.
    assert quoted_figures([TITLE, "2022年共收到申请12件。"], [1, 2], formats.FORMAT_2021, year=2023) == {}
    assert quoted_figures([TITLE, "2022年共收到申请12件。"], [1, 2], formats.FORMAT_2021, year=2022) == {
        RECEIVED: {12}
    }


def test_a_figure_after_the_kind_of_case_and_before_it_are_both_read() -> None:
    """pingtan_2013: "收到1份有关政府信息公开行政复议申请" over a table with 行政复议 0."""
    prose = {
        "overview": [
            "2013年全区未收到有关政府信息公开的申请，收到1份有关政府信息公开行政复议申请已及时处理。"
        ]
    }
    report = build_report(formats.FORMAT_2008, year=2013, prose=prose, cells={"reconsideration_total": 0})
    found = [f for f in run_rules(report) if f.rule == "narrative_mismatch"]
    assert [f.keys for f in found] == [["reconsideration_total"]]
    assert "正文称行政复议案件数为1" in found[0].message


def test_the_published_list_of_a_clean_up_is_not_the_count_in_force() -> None:
    """pingtan_2023: 393 documents republished by the clean-up, 77 issued since, 470 in force."""
    sentence = "清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。"
    prose = {"overview": [sentence], "proactive": [], "requests": [], "appeals": []}
    cells: dict[str, Number | None] = {
        "item20_1.normative_documents.in_force": 470,
        "item20_1.normative_documents.issued": 77,
    }
    report = build_report(formats.FORMAT_2021, prose=prose, cells=cells)
    assert [f for f in run_rules(report) if f.rule == "narrative_mismatch"] == []
    prose["overview"] = ["截至2023年底，现行有效行政规范性文件393件。"]
    report = build_report(formats.FORMAT_2021, prose=prose, cells=cells)
    assert [f.keys for f in run_rules(report) if f.rule == "narrative_mismatch"] == [
        ["item20_1.normative_documents.in_force"]
    ]


def test_a_total_after_qizhong_is_read_and_the_parts_after_it_are_not_reported() -> None:
    """pingtan_2011 (425 right, parts 303 and 122) and pingtan_2013 (4970 wrong, parts 3933 and 1037)."""
    right = (
        "2011年制作、获取政府信息总数1873条，其中主动公开政府信息425条。主动公开的政府信息，"
        "区直、县直各单位主动公开政府信息303条，占71.3%。各乡镇主动公开政府信息122条，占28.7%。"
    )
    report = build_report(
        formats.FORMAT_2008, year=2011, prose={"overview": [right]}, cells={"proactive_total": 425}
    )
    assert [f for f in run_rules(report) if f.rule == "narrative_mismatch"] == []
    wrong = (
        "2013年主动公开政府信息4970条。其中，区直、县直各单位主动公开政府信息3933条，占79%。"
        "各乡镇主动公开政府信息1037条，占21%。"
    )
    report = build_report(
        formats.FORMAT_2008, year=2013, prose={"overview": [wrong]}, cells={"proactive_total": 72804}
    )
    (finding,) = [f for f in run_rules(report) if f.rule == "narrative_mismatch"]
    assert finding.message.startswith("正文称主动公开政府信息数为4970")


def test_hongze_2024_the_office_received_17_against_95_in_the_table() -> None:
    prose = {
        "requests": ["2024 年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。"]
    }
    cells: dict[str, Number | None] = {RECEIVED: 95, "requests.new_received.natural_person": 95}
    report = build_report(formats.FORMAT_2021, year=2024, prose=prose, cells=cells)
    found = [f for f in run_rules(report) if f.rule == "narrative_mismatch"]
    assert [f.keys for f in found] == [[RECEIVED]]


REAL_REPORTS = Path(__file__).resolve().parent / "real_reports"


def _quoted_in(file: str, fmt: str) -> dict[str, set[int]]:
    lines = read_report(REAL_REPORTS / file).lines  # every line: these text copies are prose throughout
    return quoted_figures(lines, list(range(1, len(lines) + 1)), fmt)


def test_the_reader_is_given_the_prose_figures_that_fix_the_real_reports_run_together_rows() -> None:
    """The corpus README: "294981916" = 2949|81916 (prose quotes 2949), "212210037" = 2122|10037,
    "20263542" = 2026|3542; and 平潭 2023's clean-up list of 393 is no count of documents in force."""
    assert 2949 in _quoted_in("pingtan_2015.txt", formats.FORMAT_2008)["proactive_total"]
    assert 2122 in _quoted_in("pingtan_2017.txt", formats.FORMAT_2008)["proactive_total"]
    assert 2026 in _quoted_in("pingtanxian_2012.txt", formats.FORMAT_2008)["proactive_total"]
    quoted_2023 = _quoted_in("pingtan_2023.txt", formats.FORMAT_2021)
    assert quoted_2023["item20_1.normative_documents.issued"] == {77}
    assert "item20_1.normative_documents.in_force" not in quoted_2023
    # "收到和处理政府信息公开申请情况…等六个部分" names the report's parts, not the applications.
    assert "requests.new_received.total" not in _quoted_in("pingtan_2019.txt", formats.FORMAT_2019)
