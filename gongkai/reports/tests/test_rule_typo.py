"""typo (info): a word typed twice, a paragraph number skipped."""

from __future__ import annotations

from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report


def _typos(*lines: str) -> list[tuple[str, str]]:
    report = build_report(prose={"overview": list(lines)})
    return [(f.severity, f.message) for f in run_rules(report) if f.rule == "typo"]


def test_a_word_typed_twice_is_information() -> None:
    assert _typos("全县各单位新收政府信息申请申请172件。") == [("info", "“申请申请”疑为重复录入，应为“申请”")]


def test_reduplicated_characters_and_words_meeting_are_not_typos() -> None:
    assert (
        _typos(
            "常常深入基层，人人参与，一一落实，天天更新，年年考核，条条落地。",
            "区政府定期研究区政府政府信息公开工作，政府信息公开平台运行良好。",
        )
        == []
    )


def test_a_skipped_paragraph_number_is_information() -> None:
    assert _typos("（一）完善制度。", "（二）强化监督。", "（四）加强培训。") == [
        ("info", "段落序号由（二）跳至（四），缺少（三）")
    ]


def test_numbering_that_starts_again_in_a_new_section_is_fine() -> None:
    assert _typos("（一）完善制度。", "（二）强化监督。", "二、主动公开情况", "（一）公开数量。") == []


def test_a_phrase_written_twice_in_a_row_is_information() -> None:
    # pingtan_2019.txt: the name of a press conference pasted twice.
    line = (
        "区领导亲自组织或参与平潭港口岸金井港区对外开放新闻发布会、"
        "聚焦新中国成立 70 周年平潭专场新闻发布会聚焦新中国成立 70 周年平潭专场新闻发布会；组织19期。"
    )
    assert _typos(line) == [("info", "“聚焦新中国成立 70 周年平潭专场新闻发布会”连续出现两次，疑为重复录入")]


def test_a_phrase_said_again_later_or_a_run_of_figures_is_not_a_typo() -> None:
    assert (
        _typos(
            "加强政务公开标准化建设，加强政务公开标准化培训，推进政务公开标准化规范化。",
            "编号 0101010101010101010101，分类 —— —— —— —— ——。",
        )
        == []
    )


def test_a_tables_headings_run_together_twice_are_not_a_typo() -> None:
    # pingtan_2019.txt, table 四 copied as text: the two 行政诉讼 blocks print the same column heads.
    line = "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
    assert _typos(line) == []


def test_a_web_page_s_breadcrumb_copied_with_the_report_is_not_a_typo() -> None:
    # pingtan_2011/2013/2017.txt: the page's path, its column names run together.
    crumb = "当前位置： 首页政务公开政府信息公开政府信息公开年报 平潭综合实验区2011年政府信息公开工作年度报告"
    assert _typos(crumb) == []
    # The same words typed twice in the report's own sentences still are.
    assert _typos(crumb + " 全区新收政府信息公开申请申请3件。") != []


def test_a_list_whose_items_repeat_across_their_enumeration_comma_is_not_a_typo() -> None:
    # The overview Gongkai drafts lists the results: "公开1件、不予" comes twice in a row by construction.
    assert _typos("办理结果：予以公开5件、部分公开1件、不予公开1件、不予处理1件。") == []
