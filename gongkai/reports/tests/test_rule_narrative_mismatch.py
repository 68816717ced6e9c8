"""narrative_mismatch: figures in the prose are checked against the cells they speak of, by meaning."""

from __future__ import annotations

from gongkai.reports import formats
from gongkai.reports.audit.model import Finding
from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report


def _mismatches(fmt: str, overview: str, **cells: int) -> list[Finding]:
    """The findings when `overview` is the only prose that quotes figures."""
    prose = {"overview": [overview], "proactive": [], "requests": [], "appeals": []}
    report = build_report(fmt, prose=prose, cells=dict(cells))
    return [f for f in run_rules(report) if f.rule == "narrative_mismatch"]


def test_zero_litigation_in_the_text_against_one_in_the_table_names_litigation_only() -> None:
    (finding,) = _mismatches(
        formats.FORMAT_2008,
        "2018年度，因政府信息公开申请引起行政诉讼和行政复议0件。",
        reconsideration_total=0,
        reconsideration_upheld=0,
        litigation_total=1,
        litigation_upheld=1,
    )

    assert finding.severity == "warning"
    assert (
        finding.message
        == "正文称行政诉讼案件数为0（“因政府信息公开申请引起行政诉讼和行政复议0件”），统计表“行政诉讼数量”为1"
    )
    assert finding.keys == ["litigation_total"]
    assert finding.evidence[0].text == "2018年度，因政府信息公开申请引起行政诉讼和行政复议0件。"


def test_reconsideration_is_not_confused_with_litigation() -> None:
    assert _mismatches(formats.FORMAT_2021, "2023年，被申请行政复议1件，未发生行政诉讼。") != []
    assert _mismatches(formats.FORMAT_2021, "2023年，被申请行政复议1件，行政诉讼1件。") == []


def test_a_corrected_count_is_checked_against_corrected_not_against_the_total() -> None:
    text = "2023年，行政复议结果纠正1件。"
    (finding,) = _mismatches(formats.FORMAT_2021, text)
    assert "行政复议被纠错案件数为1" in finding.message
    assert finding.keys == ["appeals.reconsideration.corrected"]
    assert _mismatches(formats.FORMAT_2021, "2023年，无一件被行政诉讼或行政复议纠错。") == []


def test_new_applications_are_not_confused_with_closed_ones() -> None:
    assert _mismatches(formats.FORMAT_2021, "2023年新收政府信息公开申请10件，办结9件。") == []
    (finding,) = _mismatches(formats.FORMAT_2021, "2023年新收政府信息公开申请9件，办结9件。")
    assert finding.message.startswith("正文称收到申请数为9")
    assert finding.keys == ["requests.new_received.total"]


def test_proactive_figures_are_checked_but_a_part_of_them_is_not_the_total() -> None:
    report = build_report(
        formats.FORMAT_2008,
        prose={
            "proactive": [
                "2018年主动公开各类政府信息500条，其中十个街道主动公开政府信息120条，政府网站发布政府信息400条。"
            ]
        },
    )
    assert [f for f in run_rules(report) if f.rule == "narrative_mismatch"] == []
    report = build_report(formats.FORMAT_2008, prose={"proactive": ["2018年主动公开各类政府信息520条。"]})
    (finding,) = [f for f in run_rules(report) if f.rule == "narrative_mismatch"]
    assert finding.keys == ["proactive_total"]


def test_a_figure_of_n_and_more_accepts_figures_just_above_n() -> None:
    proactive = "主动公开政府信息共{}条。"
    for claimed, expected in (("500", 0), ("500余", 0), ("490余", 1), ("300余", 1)):
        report = build_report(formats.FORMAT_2008, prose={"proactive": [proactive.format(claimed)]})
        found = [f for f in run_rules(report) if f.rule == "narrative_mismatch"]
        assert len(found) == expected, claimed


def test_normative_document_counts_of_the_2021_table_are_checked() -> None:
    text = "2023年发布行政规范性文件5件，其中继续有效的行政规范性文件41件，失效、废止行政规范性文件2件。"
    (finding,) = _mismatches(formats.FORMAT_2021, text)
    assert finding.keys == ["item20_1.normative_documents.in_force"]
    assert "为40" in finding.message


def test_a_completion_rate_is_recomputed_from_the_table() -> None:
    (finding,) = _mismatches(formats.FORMAT_2021, "2023年，依申请公开办结率100%。")
    assert finding.message == "正文称办结率为100%（“办结率100%”），按统计表为9/12=75.0%"
    assert _mismatches(formats.FORMAT_2021, "2023年，依申请公开办结率75%。") == []


def test_a_correction_rate_is_recomputed_from_the_table() -> None:
    assert _mismatches(formats.FORMAT_2021, "2023年行政复议纠错率为0%。") == []
    (finding,) = _mismatches(formats.FORMAT_2021, "2023年行政复议纠错率为50%。")
    assert "纠错率" in finding.message


def test_a_share_printed_after_a_figure_is_recomputed() -> None:
    good = "2018年共受理申请12件，从申请方式看，网络申请8件，占66.7%；信函申请4件，占33.3%。"
    assert _mismatches(formats.FORMAT_2008, good) == []
    bad = "2018年共受理申请12件，从申请方式看，网络申请8件，占60%；信函申请4件，占33.3%。"
    (finding,) = _mismatches(formats.FORMAT_2008, bad)
    assert finding.message == "正文称网络申请数占60%（“网络申请8件，占60%”），按统计表为8/12=66.7%"


def test_figures_of_another_year_or_approximate_figures_are_left_alone() -> None:
    text = "2017年共受理申请30件；较上年受理申请增加20件；约受理申请13件；累计受理申请300件。"
    assert _mismatches(formats.FORMAT_2008, "2018年共受理申请12件。" + text) == []


def test_idioms_with_one_are_not_counts() -> None:
    assert _mismatches(formats.FORMAT_2021, "2023年收到申请10件，均按期规范办结且无一件被纠错。") == []
    assert _mismatches(formats.FORMAT_2021, "2023年推进“一件事”改革，办结一件事集成服务。") == []


def test_training_sessions_in_words_are_counted() -> None:
    text = "2018年先后组织举办了平台管理操作、依申请公开等三期专题培训，参训人数40余人次。"
    (finding,) = _mismatches(formats.FORMAT_2008, text)
    assert finding.message.startswith("正文称举办培训班数为3")
    assert finding.keys == ["trainings"]


def test_kinds_of_results_named_together_are_summed() -> None:
    text = "2023年收到申请10件，其中予以公开或部分公开6件、占60%，无法提供3件、占30%。"
    assert _mismatches(formats.FORMAT_2021, text) == []
    (finding,) = _mismatches(formats.FORMAT_2021, "2023年，予以公开或部分公开5件。")
    assert finding.message.startswith("正文称予以公开与部分公开之和为5")
    assert finding.keys == ["requests.disclosed.total", "requests.partially_disclosed.total"]


def test_a_figure_given_right_elsewhere_makes_other_figures_parts_not_errors() -> None:
    text = "2018年全区共受理申请12件；区政府办公室本部门受理申请5件。"
    assert _mismatches(formats.FORMAT_2008, text) == []
    assert len(_mismatches(formats.FORMAT_2008, "2018年区政府办公室本部门受理申请5件。")) == 1
