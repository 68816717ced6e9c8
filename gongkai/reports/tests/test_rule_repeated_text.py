"""repeated_text: section 五 copied from last year's report (格式：不得出现……年年雷同现象)."""

from __future__ import annotations

from gongkai.reports.rules import run_rules
from gongkai.reports.rules.across_years import copied_share
from gongkai.reports.tests.rule_factories import build_report

LAST_YEAR = [
    "2022年，我办政务公开工作虽取得一定成效，但与人民群众的期待相比还存在差距：政策解读形式不够丰富，"
    "基层政务公开标准化规范化建设有待加强，依申请公开答复质量仍需提高。",
    "下一步，我办将创新解读方式，加强业务培训，进一步规范依申请公开办理流程。",
]
NEW = [
    "2023年，部分单位对政府信息管理重视不够，行政规范性文件动态清理不及时，政务新媒体内容更新较慢。",
    "下一步，我办将建立文件清理台账，每季度通报新媒体更新情况，并将结果纳入年度考核。",
]


def test_a_problems_section_copied_with_only_the_year_changed_is_a_warning() -> None:
    previous = build_report(year=2022, prose={"problems": LAST_YEAR})
    copied = [line.replace("2022", "2023") for line in LAST_YEAR]
    report = build_report(year=2023, prose={"problems": copied})

    (finding,) = [f for f in run_rules(report, previous) if f.rule == "repeated_text"]

    first, last = previous.sections["problems"]
    assert finding.message == (
        f"“存在的主要问题及改进情况”与上一年度报告（第{first}—{last}行）雷同：约100%的文字相同"
        "（格式要求实事求是、明确具体，不得年年雷同）"
    )
    heading, end = report.sections["problems"]
    assert [e.line for e in finding.evidence] == list(range(heading + 1, end + 1))


def test_a_new_problems_section_passes() -> None:
    previous = build_report(year=2022, prose={"problems": LAST_YEAR})
    report = build_report(year=2023, prose={"problems": NEW})

    assert not [f for f in run_rules(report, previous) if f.rule == "repeated_text"]
    assert copied_share("".join(NEW), "".join(LAST_YEAR)) < 0.2


def test_a_missing_problems_section_is_not_checkable() -> None:
    previous = build_report(year=2022, omit_sections=("problems",))
    report = build_report(year=2023)

    messages = [f.message for f in run_rules(report, previous) if f.rule == "not_checkable"]

    assert "上一年度报告未找到“存在的主要问题及改进情况”部分，无法核对是否与上年雷同" in messages
