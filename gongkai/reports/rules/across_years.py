"""Rules that read the previous year's report beside this one: `carry_over`, `in_force_carry`,
`repeated_text`.
"""

from __future__ import annotations

import re

from gongkai.reports import formats
from gongkai.reports.audit.model import Finding, ParsedReport
from gongkai.reports.rules.common import Check, show

NEW_FORMATS = (formats.FORMAT_2019, formats.FORMAT_2021)
# Section 五 is copied when most of its wording is found again in last year's: compared as sets of
# 8-character pieces, so that a changed year or figure here and there does not hide the copy.
SHINGLE = 8
COPIED_SHARE = 0.6
_DIGITS = re.compile(r"\d+")
_NOT_TEXT = re.compile(r"[\s，。；：、,.;:！？!?（）()“”\"'《》]")


def _is_previous_year(check: Check) -> Finding | None:
    """None when the previous report is last year's; else why the rules across years cannot run."""
    report, previous = check.report, check.previous
    assert previous is not None
    if report.year is None or previous.year is None:
        return check.finding("not_checkable", "本年度或上一年度报告的年度不明，未做跨年度核对")
    if previous.year != report.year - 1:
        return check.finding(
            "not_checkable",
            f"作为上一年度报告提供的是{previous.year}年度报告，不是{report.year - 1}年度的，未做跨年度核对",
        )
    return None


def check_across_years(check: Check) -> list[Finding]:
    if check.previous is None:
        return []
    wrong_year = _is_previous_year(check)
    if wrong_year is not None:
        return [wrong_year]
    return _carry_over(check) + _in_force_carry(check) + _repeated_text(check)


def _where_previous(previous: ParsedReport, key: str) -> str:
    """ "（上一年度报告第N行）": evidence lines count in this report, so last year's are told in words."""
    line = previous.cell_lines.get(key)
    return f"（上一年度报告第{line}行）" if line else ""


def _carry_over(check: Check) -> list[Finding]:
    """本年 二、上年结转 = 上年 四、结转下年度继续办理, column by column."""
    report, previous = check.report, check.previous
    assert previous is not None
    if report.format not in NEW_FORMATS:
        return []
    if previous.format not in NEW_FORMATS:
        return [
            check.finding(
                "not_checkable",
                "上一年度报告使用旧版统计表，没有“结转下年度继续办理”一项，无法核对本年“上年结转”",
                ["requests.carried_in.total"],
            )
        ]
    findings: list[Finding] = []
    blanks: list[str] = []
    for column in formats.REQUEST_COLUMNS:
        this_key, last_key = f"requests.carried_in.{column}", f"requests.carried_out.{column}"
        this, last = report.cells.get(this_key), previous.cells.get(last_key)
        if this is None or last is None:
            blanks.append(this_key if this is None else last_key)
            continue
        if this != last:
            label = check.label(this_key).split("（")[-1].rstrip("）")
            message = (
                f"本年“上年结转”（{label}）为{show(this)}，上一年度报告“结转下年度继续办理”为{show(last)}"
                f"{_where_previous(previous, last_key)}"
            )
            findings.append(check.finding("carry_over", message, [this_key], check.cell_evidence([this_key])))
    if blanks:
        findings.append(
            check.finding(
                "not_checkable",
                f"有{len(blanks)}列的结转数空白，无法核对上年结转与上一年度报告是否一致",
                blanks,
            )
        )
    return findings


def _in_force_carry(check: Check) -> list[Finding]:
    """格式2021 表二：现行有效件数(本年) = 现行有效件数(上年) + 本年制发 − 本年废止 (a warning: not an
    official rule, and clean-ups of old documents break it)."""
    report, previous = check.report, check.previous
    assert previous is not None
    if report.format != formats.FORMAT_2021:
        return []
    if previous.format != formats.FORMAT_2021:
        return [
            check.finding(
                "not_checkable",
                "上一年度报告不是2021年格式，没有“现行有效件数”，无法核对本年现行有效件数的增减",
            )
        ]
    findings: list[Finding] = []
    for row, name in (("regulations", "规章"), ("normative_documents", "行政规范性文件")):
        keys = [f"item20_1.{row}.{c}" for c in ("in_force", "issued", "repealed")]
        in_force, issued, repealed = (report.cells.get(k) for k in keys)
        before = previous.cells.get(keys[0])
        if in_force is None or issued is None or repealed is None or before is None:
            findings.append(
                check.finding("not_checkable", f"{name}的件数有空白，无法核对现行有效件数的增减", keys)
            )
            continue
        expected = before + issued - repealed
        if in_force != expected:
            message = (
                f"{name}现行有效件数为{show(in_force)}，按上年{show(before)}{_where_previous(previous, keys[0])}"
                f" + 本年制发{show(issued)} − 本年废止{show(repealed)}应为{show(expected)}"
            )
            findings.append(check.finding("in_force_carry", message, keys, check.cell_evidence(keys)))
    return findings


def _shingles(text: str) -> set[str]:
    text = _NOT_TEXT.sub("", _DIGITS.sub("#", text))
    return {text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1)}


def copied_share(text: str, earlier: str) -> float:
    """The share of `text`'s 8-character pieces found in `earlier` (figures count as equal)."""
    pieces = _shingles(text)
    if not pieces:
        return 0.0
    return len(pieces & _shingles(earlier)) / len(pieces)


def _repeated_text(check: Check) -> list[Finding]:
    """格式2019/2021 对第五部分：实事求是、明确具体，“不得出现敷衍了事甚至年年雷同现象”."""
    report, previous = check.report, check.previous
    assert previous is not None
    missing = [r for r in (report, previous) if "problems" not in r.sections]
    if missing:
        which = "本年度" if missing[0] is report else "上一年度"
        return [
            check.finding(
                "not_checkable", f"{which}报告未找到“存在的主要问题及改进情况”部分，无法核对是否与上年雷同"
            )
        ]
    text, earlier = check.section_text("problems"), check.section_text("problems", previous)
    share = copied_share(text, earlier)
    if share < COPIED_SHARE:
        return []
    before_first, before_last = previous.sections["problems"]
    message = (
        f"“存在的主要问题及改进情况”与上一年度报告（第{before_first}—{before_last}行）雷同："
        f"约{round(share * 100)}%的文字相同（格式要求实事求是、明确具体，不得年年雷同）"
    )
    return [
        check.finding(
            "repeated_text",
            message,
            evidence=check.line_evidence(n for n, _ in check.section_lines("problems")),
        )
    ]
