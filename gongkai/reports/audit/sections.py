"""The report's sections, found by their headings.

条例第五十条 lists what the report contains; both formats (国办公开办函〔2019〕60号, 〔2021〕30号)
print it as six sections: 一 总体情况, 二 主动公开, 三 收到和处理申请, 四 复议诉讼, 五 存在的主要问题及
改进情况, 六 其他需要报告的事项. Old reports (before 2019) have similar ones, with others between.
"""

from __future__ import annotations

import itertools
import re

from gongkai.reports.audit.text import leading_ordinal

# Checked in this order: a heading names one section.
SECTION_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("other", re.compile(r"其[他它]需要报告")),
    ("problems", re.compile(r"存在的?主要问题|存在问题|主要问题")),
    ("appeals", re.compile(r"行政复议|行政诉讼")),
    ("requests", re.compile(r"收到和处理|依申请公开")),
    ("proactive", re.compile(r"主动公开(?:政府|政务)?信息|主动公开情况")),
    ("overview", re.compile(r"总体情况|概述|概况")),
)

_SPACES = re.compile(r"[\s\u3000]+")
_ATTACHMENT = re.compile(r"^\s*附\s*(?:件|表)")


def is_section_heading(line: str) -> bool:
    """Whether a line (without spaces) is the heading of one of the report's sections."""
    return (
        leading_ordinal(line) is not None
        and len(line) <= 50
        and "。" not in line
        and any(pattern.search(line) for _, pattern in SECTION_PATTERNS)
    )


def _heading_candidates(
    lines: list[str], text_lines: list[int]
) -> tuple[list[tuple[int, int, str | None]], int | None]:
    """The numbered lines that may be headings, as (line, ordinal, section id), and the line where an
    attachment starts (None: none)."""
    candidates: list[tuple[int, int, str | None]] = []  # (line, ordinal, section id)
    attachment: int | None = None
    for number in text_lines:
        line = _SPACES.sub("", lines[number - 1])
        if attachment is None and _ATTACHMENT.match(line) and candidates:
            attachment = number
        ordinal = leading_ordinal(line)
        if ordinal is None or len(line) > 50 or "。" in line or line[-1].isdigit():
            continue
        section = next((sid for sid, pattern in SECTION_PATTERNS if pattern.search(line)), None)
        candidates.append((number, ordinal, section))
    return candidates, attachment


def find_sections(lines: list[str], text_lines: list[int]) -> dict[str, tuple[int, int]]:
    """Section id → (heading line, last line).

    Headings are numbered paragraph lines ("三、…", "1、 总体情况"); a section runs to the next
    heading of the report's own sequence. Sub-headings sometimes reuse the top numbers (seed 001
    starts its overview with "一、进一步加强…"), so the sequence is the chain of recognised
    headings with increasing numbers, plus the unrecognised headings that fit between them.
    """
    candidates, attachment = _heading_candidates(lines, text_lines)
    chain: list[tuple[int, int, str]] = []
    for number, ordinal, section in candidates:
        if section is None or any(section == taken for _, _, taken in chain):
            continue
        if chain and ordinal <= chain[-1][1]:
            continue
        chain.append((number, ordinal, section))

    boundaries = [number for number, _, _ in chain]
    for (first, low, _), (second, high, _) in itertools.pairwise(chain):
        boundaries += _between(candidates, first, second, low, high)
    if chain:
        last_line, last_ordinal, _ = chain[-1]
        later = _between(candidates, last_line, len(lines) + 1, last_ordinal, 10**6)
        boundaries += later
    if attachment is not None:
        boundaries.append(attachment)
    boundaries = sorted(set(boundaries))

    sections: dict[str, tuple[int, int]] = {}
    for number, _, section in chain:
        end = next((b - 1 for b in boundaries if b > number), len(lines))
        while end > number and not lines[end - 1].strip():
            end -= 1
        sections[section] = (number, end)
    return sections


def _between(
    candidates: list[tuple[int, int, str | None]], first: int, second: int, low: int, high: int
) -> list[int]:
    """Unrecognised headings after line `first` and before `second` whose numbers rise from `low`
    towards `high`."""
    found: list[int] = []
    current = low
    for number, ordinal, section in candidates:
        if first < number < second and section is None and current < ordinal < high:
            found.append(number)
            current = ordinal
    return found
