"""The prose staff write is checked as they write it: 一 over about a thousand characters
(`overview_length`); 五 empty, "无", or largely last year's text (`empty_section`, `repeated_text`,
against last year's stored report, imported or generated); a figure quoted in the prose that the tables
contradict (`narrative_mismatch`); for a government, 工作考核、社会评议和责任追究结果情况 (条例第五十条) left
empty. Section 六 opens with the fee sentence drawn from the fee records, above staff's own text."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from gongkai.applications.tests.factories import make_agency, make_user
from gongkai.reports.annual import services
from gongkai.reports.annual.content import build_content
from gongkai.reports.annual.review import check_report
from gongkai.reports.annual.text import report_text
from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.audit.services import ReportFile, published_reports_import
from gongkai.reports.auditing import audit_report
from gongkai.reports.models import AnnualReport
from gongkai.reports.tests.annual_workflow_factories import (
    JANUARY,
    PROBLEMS,
    make_cast,
    ready,
    with_applications,
)

pytestmark = pytest.mark.django_db


def rules(report: AnnualReport, **prose: str) -> dict[str, str]:
    return {f.rule: f.message for f in check_report(report, today=JANUARY, **prose).findings}


def test_a_clean_report_has_no_prose_warning() -> None:
    cast = make_cast()
    with_applications(cast)
    assert rules(ready(cast)) == {}


def test_an_overview_over_a_thousand_characters_is_warned() -> None:
    cast = make_cast()
    report = ready(cast)
    long = report.overview + "\n" + "本机关持续深化政务公开标准化规范化建设，" * 60
    assert "一千字" in rules(report, overview=long)["overview_length"]


@pytest.mark.parametrize("problems", ["", "无", "无。"])
def test_an_empty_or_nothing_section_five_is_warned(problems: str) -> None:
    cast = make_cast()
    report = ready(cast)
    assert "第五部分" in rules(report, problems=problems)["empty_section"]


def test_section_five_repeating_last_years_imported_report_is_warned() -> None:
    cast = make_cast()
    last_year = AnnualReport(agency=cast.agency, year=2023, format="2021", problems=PROBLEMS)
    text = report_text(build_content(cast.agency, 2023, last_year))
    parsed = audit_report(read_report_bytes(text.encode(), "2023.txt"))
    published_reports_import(agency=cast.agency, files=[ReportFile(parsed, text.encode(), "2023.txt")])
    report = ready(cast)
    assert "与上一年度报告" in rules(report)["repeated_text"]
    assert "repeated_text" not in rules(
        report, problems="今年的问题与改进措施完全不同：一是答复时限管理；二是目录更新。" * 3
    )


def test_a_figure_quoted_in_the_overview_is_checked_against_the_tables() -> None:
    cast = make_cast()
    with_applications(cast)
    report = ready(cast)
    assert "新收政府信息公开申请4件" in report.overview
    wrong = report.overview.replace("新收政府信息公开申请4件", "新收政府信息公开申请40件")
    assert "narrative_mismatch" in rules(report, overview=wrong)


def test_section_six_opens_with_the_fee_sentence_above_staffs_text() -> None:
    cast = make_cast()
    report = ready(cast)
    services.annual_report_edit(
        actor=cast.staff, report=report, other_matters="本机关本年度无其他事项。", today=JANUARY
    )
    text = check_report(report, today=JANUARY).text
    six = text.split("六、其他需要报告的事项\n", 1)[1]
    assert six.startswith("本年度未收取政府信息公开信息处理费。\n本机关本年度无其他事项。")


def test_a_governments_report_is_warned_without_the_assessment_results() -> None:
    city = make_agency("XS", "象山县人民政府", kind="government")
    staff = make_user("xs-staff", city, "staff")
    report = services.annual_report_open(actor=staff, agency=city, year=2024, today=JANUARY)
    found = rules(report)
    assert "工作考核、社会评议和责任追究结果情况" in found["empty_section"]
    services.annual_report_edit(
        actor=staff,
        report=report,
        assessment="本年度将政务公开纳入县政府绩效考核，未发生责任追究情况。",
        today=JANUARY,
    )
    assert all("工作考核" not in message for message in rules(report).values())
    assert (
        "工作考核、社会评议和责任追究结果情况：本年度将政务公开纳入县政府绩效考核"
        in check_report(report, today=JANUARY).text
    )


def test_a_department_has_no_assessment_section() -> None:
    cast = make_cast()
    report = ready(cast)
    assert all("工作考核" not in message for message in rules(report).values())
    with pytest.raises(ValidationError) as error:
        services.annual_report_edit(actor=cast.staff, report=report, assessment="考核结果", today=JANUARY)
    assert "只在人民政府的年度报告中报告" in error.value.message_dict["assessment"][0]


def test_an_oversized_section_is_refused_with_a_chinese_message_and_nothing_saved() -> None:
    cast = make_cast()
    report = ready(cast)
    with pytest.raises(ValidationError) as error:
        services.annual_report_edit(
            actor=cast.staff, report=report, overview="很长" * 6000, problems="新的文字", today=JANUARY
        )
    assert "总体情况不能超过10000字（现有12000字）" in error.value.message_dict["overview"][0]
    report.refresh_from_db()
    assert report.problems == PROBLEMS
