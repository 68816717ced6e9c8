"""The year and the period the report is about: `period` and `year_mismatch`.

条例第四十九条 asks for the report on the year before (上一年度); both formats fix the figures at
12月31日 of that year (“各项数据核定时间点为报告年度的12月31日”). So the statistics period is the
whole calendar year, and a report dated before the year has ended cannot hold the year's figures.
"""

from __future__ import annotations

import re
from datetime import date

from gongkai.reports.audit.model import Evidence, Finding
from gongkai.reports.rules.common import Check

_AS_OF = re.compile(r"(?:截至|截止|截止到|截止至)\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _cn(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def check_period(check: Check) -> list[Finding]:
    report = check.report
    year = report.year
    if year is None:
        return []  # told by `check_years`
    findings: list[Finding] = []
    year_start, year_end = date(year, 1, 1), date(year, 12, 31)
    as_of = _early_as_of_lines(check, year)
    if report.period is not None and report.period != (year_start, year_end):
        start, end = report.period
        evidence = (
            [Evidence(report.period_line, check.line(report.period_line))] if report.period_line else []
        )
        evidence += [e for e in check.line_evidence(as_of) if e.line != report.period_line]
        message = (
            f"统计期限为{_cn(start)}至{_cn(end)}，不是报告年度的全年（{_cn(year_start)}至{_cn(year_end)}）"
        )
        findings.append(check.finding("period", message, evidence=evidence))
    elif report.period is None and as_of:
        message = f"正文的数据截至报告年度结束之前（{year}年12月31日之前），不是全年数据"
        findings.append(check.finding("period", message, evidence=check.line_evidence(as_of)))
    if report.published_on is not None and report.published_on <= year_end:
        message = f"落款日期为{_cn(report.published_on)}，在报告年度结束之前，全年数据不可能完整"
        lines = [
            n
            for n, text in check.prose()
            if re.search(rf"{year}\s*年\s*{report.published_on.month}\s*月", text)
        ]
        findings.append(check.finding("period", message, evidence=check.line_evidence(lines[-1:])))
    return findings


def _early_as_of_lines(check: Check, year: int) -> list[int]:
    """Lines that give figures "截至" a day of the report year before 31 December."""
    found: list[int] = []
    for number, text in check.prose():
        for match in _AS_OF.finditer(text):
            try:
                day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                continue
            if day.year == year and day < date(year, 12, 31):
                found.append(number)
    return found


def check_years(check: Check) -> list[Finding]:
    report = check.report
    if report.year is None:
        return [
            check.finding(
                "not_checkable",
                "标题和正文中均未找到报告年度，无法核对格式、统计期限等与年度有关的要求",
            )
        ]
    findings: list[Finding] = []
    title_year = report.title_year
    if title_year is None:
        return findings
    title = [Evidence(report.title_line, check.line(report.title_line))] if report.title_line else []
    if report.period is not None:
        years = {report.period[0].year, report.period[1].year}
        if years != {title_year}:
            shown = "、".join(f"{y}年" for y in sorted(years))
            evidence = title + (
                [Evidence(report.period_line, check.line(report.period_line))] if report.period_line else []
            )
            findings.append(
                check.finding(
                    "year_mismatch", f"标题为{title_year}年度报告，统计期限却在{shown}", evidence=evidence
                )
            )
    if report.text_years and report.text_years[0] != title_year:
        # text_years: the years the prose names, the most named first — the year it is about.
        main = report.text_years[0]
        lines = [n for n, text in check.prose() if f"{main}年" in text and n != report.title_line][:5]
        findings.append(
            check.finding(
                "year_mismatch",
                f"标题为{title_year}年度报告，正文所述却主要是{main}年的情况",
                evidence=title + check.line_evidence(lines),
            )
        )
    return findings
