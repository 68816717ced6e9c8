"""The report's shape: `format_mismatch`, `missing_section`, `empty_section`, `overview_length`,
`fee_statement`.
"""

from __future__ import annotations

import re

from gongkai.reports import formats
from gongkai.reports.audit.model import Evidence, Finding, Severity
from gongkai.reports.rules.common import SECTION_TITLES, Check

_FORMAT_NAMES = {
    formats.FORMAT_2008: "2008年旧版《政府信息公开情况统计表》",
    formats.FORMAT_2019: "国办公开办函〔2019〕60号格式",
    formats.FORMAT_2021: "国办公开办函〔2021〕30号格式",
}
TEXT_SECTIONS = ("overview", "problems", "other")
# The template's own placeholder text, and answers that say nothing.
_NOTHING = re.compile(r"^(无|暂无|略|同上|待补充)[。.]?$")
# Word's 字数: a Chinese character or mark counts one, a run of Latin letters or digits counts one.
_WORD_COUNT = re.compile(r"[A-Za-z0-9.%]+|\S")
OVERVIEW_LIMIT = 1000


def check_format(check: Check) -> list[Finding]:
    report = check.report
    year, fmt = report.year, report.format
    if year is None or fmt is None:
        return []  # told by `year_mismatch` and by the sums
    expected = formats.format_for_year(year)
    if fmt == expected == formats.FORMAT_2021 and report.extras.get("requests_other_processing_single_row"):
        return [_single_other_row(check, year)]
    if fmt == expected:
        return []
    severity: Severity = "warning"
    if fmt == formats.FORMAT_2008:
        # 格式2019: the old statistics lapsed with the old 条例; the 2019 reports could still
        # "参照统一格式发布" where uniform use was really difficult, so only from 2020 it is an error.
        if year >= 2020:
            severity = "error"
        message = (
            f"{year}年度报告仍使用{_FORMAT_NAMES[fmt]}；{year}年度应使用{_FORMAT_NAMES[expected]}，"
            "旧统计口径已随原《条例》失效而失效"
        )
        if year == 2019:
            message += "（2019年度报告可参照统一格式发布，故仅作提示）"
    else:
        message = f"{year}年度报告使用了{_FORMAT_NAMES[fmt]}，该年度应使用{_FORMAT_NAMES[expected]}"
    evidence = [Evidence(report.title_line, check.line(report.title_line))] if report.title_line else []
    return [check.finding("format_mismatch", message, evidence=evidence, severity=severity)]


def _single_other_row(check: Check, year: int) -> Finding:
    """A 2021-format report whose table 三 prints （六）其他处理 as the single row of the 2019 format
    (国办公开办函〔2021〕30号 splits it into three rows)."""
    report = check.report
    message = (
        f"{year}年度报告表三将“（六）其他处理”列为一行（2019年格式）；{_FORMAT_NAMES[formats.FORMAT_2021]}"
        "要求分列“1.申请人无正当理由逾期不补正…”“2.申请人逾期未按收费通知要求缴纳费用…”“3.其他”三行"
    )
    evidence = [Evidence(report.title_line, check.line(report.title_line))] if report.title_line else []
    severity: Severity = "error" if year >= 2020 else "warning"
    return check.finding("format_mismatch", message, evidence=evidence, severity=severity)


def check_sections(check: Check) -> list[Finding]:
    """The six sections of 格式2019 and 格式2021, each with something in it."""
    report = check.report
    findings: list[Finding] = []
    if report.format in (formats.FORMAT_2019, formats.FORMAT_2021):
        for section, title in SECTION_TITLES.items():
            if section not in report.sections:
                findings.append(check.finding("missing_section", f"缺少第{title[0]}部分“{title[2:]}”"))
    for section in TEXT_SECTIONS:
        if section not in report.sections:
            continue
        finding = _empty_section(check, section)
        if finding is not None:
            findings.append(finding)
    return findings


def _empty_section(check: Check, section: str) -> Finding | None:
    first, _ = check.report.sections[section]
    lines = check.section_lines(section)
    text = "".join(t.strip() for _, t in lines)
    title = SECTION_TITLES[section]
    heading = [Evidence(first, check.line(first))]
    if not text:
        return check.finding("empty_section", f"第{title[0]}部分“{title[2:]}”没有内容", evidence=heading)
    if text.lstrip("（(").startswith("文字描述"):
        return check.finding(
            "empty_section", f"第{title[0]}部分“{title[2:]}”仍是模板的提示文字", evidence=heading
        )
    if _NOTHING.match(text) and section != "other":
        # "无" is a fair answer to 其他需要报告的事项, never to 总体情况 or 存在的主要问题.
        return check.finding(
            "empty_section",
            f"第{title[0]}部分“{title[2:]}”只写了“{text}”，没有实际内容",
            evidence=heading + check.line_evidence(n for n, _ in lines),
        )
    return None


def overview_words(text: str) -> int:
    return len(_WORD_COUNT.findall(text))


def check_overview_length(check: Check) -> list[Finding]:
    report = check.report
    if report.format != formats.FORMAT_2021 or "overview" not in report.sections:
        return []
    words = overview_words("".join(t for _, t in check.section_lines("overview")))
    if words <= OVERVIEW_LIMIT:
        return []
    first, _ = report.sections["overview"]
    # 格式2021：总体情况“篇幅原则上不超过一千字”
    return [
        check.finding(
            "overview_length",
            f"第一部分“总体情况”约{words}字，超过格式要求的一千字（篇幅原则上不超过一千字）",
            evidence=[Evidence(first, check.line(first))],
        )
    ]


_FEE = re.compile(r"信息处理费|处理费|收取[^。；]{0,12}费|收费")


def check_fee_statement(check: Check) -> list[Finding]:
    """格式2021 第六部分：收取信息处理费的情况，在此处专门报告（《政府信息公开信息处理费管理办法》）."""
    report = check.report
    if report.format != formats.FORMAT_2021:
        return []
    if "other" in report.sections:
        lines = check.section_lines("other")
        if any(_FEE.search(text) for _, text in lines):
            return []
        first, _ = report.sections["other"]
        evidence = [Evidence(first, check.line(first)), *check.line_evidence(n for n, _ in lines)]
    else:
        evidence = []
    elsewhere = [n for n, text in check.prose() if "信息处理费" in text]
    message = (
        "第六部分“其他需要报告的事项”未报告收取信息处理费的情况（格式要求在此处专门报告，未收取也应说明）"
    )
    if elsewhere:
        message += "；报告其他部分提到了信息处理费，应移至第六部分"
        evidence += check.line_evidence(elsewhere)
    return [check.finding("fee_statement", message, evidence=evidence)]
