"""blank_cell: a blank or missing figure in a table that was found is a warning; blanks are never 0."""

from __future__ import annotations

from gongkai.reports import formats
from gongkai.reports.audit.model import Evidence, Finding
from gongkai.reports.rules import run_rules
from gongkai.reports.rules.common import OTHER_PROCESSING_2021
from gongkai.reports.tests.rule_factories import build_report


def test_blank_cells_of_a_table_are_one_warning_listing_each() -> None:
    report = build_report(formats.FORMAT_2008, cells={"channel_gazette": None, "reading_points": None})

    (finding,) = [f for f in run_rules(report) if f.rule == "blank_cell"]

    assert finding.severity == "warning"
    assert finding.message.startswith(
        "政府信息公开情况统计表有2处空白：政府公报公开政府信息数、设置政府信息公开查阅点数"
    )
    assert finding.keys == ["channel_gazette", "reading_points"]
    assert [e.line for e in finding.evidence] == [
        report.cell_lines["channel_gazette"],
        report.cell_lines["reading_points"],
    ]


def test_a_row_missing_from_the_table_is_reported_apart_from_blanks() -> None:
    report = build_report(formats.FORMAT_2008, omit_keys=("budget_10k_yuan",))

    (finding,) = [f for f in run_rules(report) if f.rule == "blank_cell"]

    assert finding.message == "政府信息公开情况统计表缺少1项：政府信息公开专项经费"
    assert finding.keys == ["budget_10k_yuan"]


def test_a_cell_the_reader_already_reported_as_ambiguous_is_not_reported_again() -> None:
    report = build_report(cells={"item20_6.penalty.decisions": None})
    line = report.cell_lines["item20_6.penalty.decisions"]
    report.findings.append(
        Finding(
            "ambiguous_cell", "warning", "数字连在一起", ["item20_6.penalty.decisions"], [Evidence(line, "")]
        )
    )

    assert not [f for f in run_rules(report) if f.rule == "blank_cell"]


def test_a_blank_in_a_sum_makes_that_sum_not_checkable_rather_than_zero() -> None:
    report = build_report(cells={"requests.partially_disclosed.natural_person": None})

    findings = run_rules(report)

    assert "detail_sum" not in [f.rule for f in findings]
    not_checkable = [f for f in findings if f.rule == "not_checkable"]
    assert any("办理结果明细合计有1处无法核对" in f.message for f in not_checkable)
    assert any("横向总计有1处无法核对" in f.message for f in not_checkable)


def test_filled_cells_that_already_exceed_the_total_are_an_error_despite_a_blank() -> None:
    report = build_report(
        cells={"requests.disclosed.natural_person": 9, "requests.partially_disclosed.natural_person": None}
    )

    (finding,) = [f for f in run_rules(report) if f.rule == "detail_sum"]

    assert finding.message.startswith("三（七）总计（自然人）为9，各项办理结果之和为12")
    assert finding.message.endswith(
        "另有三（二）部分公开（区分处理的，只计这一情形，不计其他情形）（自然人）空白未计入"
    )


def test_the_2021_rows_of_a_single_other_processing_row_are_not_blank() -> None:
    # hongze_2024.pdf prints （六）其他处理 as one row, as the 2019 format did: format_mismatch says so,
    # and the three rows of the 2021 format that it lacks are not reported as missing figures.
    keys = [key for key in formats.all_keys(formats.FORMAT_2021) if key.startswith(OTHER_PROCESSING_2021)]
    report = build_report(formats.FORMAT_2021, omit_keys=tuple(keys))
    report.extras["requests_other_processing_single_row"] = True

    findings = run_rules(report)

    assert not [f for f in findings if f.rule == "blank_cell"]
    assert [f.rule for f in findings if f.rule == "format_mismatch"] == ["format_mismatch"]


def test_a_regional_running_total_printed_blank_is_a_blank_cell() -> None:
    # pingtan_2013.txt: "2、政府公报公开 条 0" under 本年度 | 历年累计.
    report = build_report(formats.FORMAT_2008)
    line = report.cell_lines["channel_gazette"]
    report.cell_lines["channel_gazette.cumulative"] = line
    report.extras["extra_cells"] = {"channel_gazette.cumulative": None, "channel_website.cumulative": 400}
    report.extras["blank_extra_cells"] = ["channel_gazette.cumulative"]

    (finding,) = [f for f in run_rules(report) if f.rule == "blank_cell"]

    assert finding.severity == "warning"
    assert finding.keys == ["channel_gazette.cumulative"]
    assert finding.message.startswith(
        "政府信息公开情况统计表（地方增列的栏目）有1处空白：政府公报公开政府信息数（历年累计）"
    )
    assert [e.line for e in finding.evidence] == [line]


def test_rows_a_regional_table_does_not_have_are_not_checkable_not_missing() -> None:
    report = build_report(formats.FORMAT_2008, omit_keys=("budget_10k_yuan", "meetings"))
    report.extras["extra_cells"] = {"proactive_total.cumulative": 900}

    findings = run_rules(report)

    assert not [f for f in findings if f.rule == "blank_cell"]
    (not_checkable,) = [f for f in findings if f.rule == "not_checkable" and "地方格式" in f.message]
    assert not_checkable.message.startswith("政府信息公开情况统计表为地方格式，未列出2项，无法核对")
    assert not_checkable.keys == ["budget_10k_yuan", "meetings"]
