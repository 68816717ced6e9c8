"""Figures read out of a report's prose, one way for every reader of them.

Two parts of the code read figures in the text of an annual report: the reader, to choose how a row of
figures that ran together splits (`audit.narrative.quoted_figures`), and the rule `narrative_mismatch`
(`rules.narrative`), which holds the figures the text states against the tables. Both take each figure
from here, so that a figure one of them believes is never one the other ignores:

- approximate figures: 约、近、将近、大约、逾、超过、不到、不足 before the figure, or 左右 after it ("约300件",
  "100件左右") are not counts: never compared with a cell, never used to split a row;
- "余/多" after the figure ("300余件", "1550多条") say at least N and below the next round figure (300–399,
  1550–1559): compared as that range, never used to split a row (they fix no one value);
- other years' figures: a figure in a sentence whose last year named before it is not the report's
  ("2022年受理申请50件"), or after 上年、去年、历年、累计、同比、近三年… ("较上年增加12件") is about another
  time: neither compared nor used; "上年结转" is this year's table 二, and is;
- numerals in words are figures (三件 = 3, 十二件 = 12, 两起 = 2), except where they are no count: after
  无、每、第、同、任、这、那、单、唯、逐 ("无一件", "第三期", "每一次"), and in "一件事" (the name of a reform);
- percentages ("占43.3%", "办结率100%") are never counts; a printed percentage agrees with the figures when
  it is their exact ratio rounded or cut to the digits printed (`percent_agrees`);
- dates and years ("2023年1月5日") are never counts: a count is a number followed by its unit (件、条…).

Every pattern here starts a number only where a run of digits starts and takes the run whole
(possessive), so a line of a million digits is read in one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from gongkai.reports.audit.model import Number
from gongkai.reports.audit.text import chinese_number

WORD_DIGITS = "零〇一二两三四五六七八九十"
# A number in digits or in words, and "余/多" after it. Possessive: a run is taken whole or not at all.
NUMBER = rf"(?P<num>\d++|[{WORD_DIGITS}]++)(?P<more>余|多)?+"
# Not inside a longer number: the figure starts where its run of digits (or numerals in words) starts.
NUMBER_START = rf"(?<![\d.．{WORD_DIGITS}])"
PERCENT = r"(?P<pct>\d++(?:\.\d++)?)\s*+[%％]"
COUNT_UNITS = "件个项宗次条份起篇期场人"
COUNT = re.compile(rf"{NUMBER_START}{NUMBER}\s*+(?P<unit>[{COUNT_UNITS}])")

YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*+年")
OTHER_TIME = re.compile(r"上年|去年|上一年|前年|往年|历年|累计|同比|近[两三五]年")
THIS_YEARS_CARRY_IN = re.compile(r"上年(?:度)?(?:结转|转结)")
APPROXIMATE = re.compile(r"约|近|逾|超过|不到|不足")
# Before a numeral in words, these make it no count: 无一件、每一次、第三期、同一、任一、这一、单一.
NOT_COUNT_BEFORE = frozenset("无每第同任这那单唯逐")
SENTENCE_ENDS = "。；;！!？?"
CLAUSE_ENDS = "，,。；;！!？?"
# How far before a figure a word of another time still speaks of it ("较上年同期增加了12件").
OTHER_TIME_REACH = 12


@dataclass(frozen=True)
class ProseFigure:
    """A figure of the prose, and what kind of figure it is."""

    value: int
    start: int  # of the number in the line
    end: int  # after the number (and 余/多)
    at_least: bool = False  # "300余件": 300 or a little more
    approximate: bool = False  # "约300件", "300件左右": not a count to compare
    another_time: bool = False  # another year's, or last year's, or a cumulative figure
    not_a_count: bool = False  # "无一件", "第三期", "一件事"
    in_words: bool = False
    unit: str = ""  # of a count: 件、条…

    @property
    def usable(self) -> bool:
        """A count about the report's year, exact or at least: one to compare with a cell."""
        return not (self.approximate or self.another_time or self.not_a_count)

    @property
    def exact(self) -> bool:
        """A usable figure that fixes one value: one to choose a split of run-together figures by."""
        return self.usable and not self.at_least

    def agrees(self, actual: Number) -> bool:
        """The figure agrees with a cell: equal, or for "N余" from N up to the next round figure."""
        if not self.at_least:
            return actual == self.value
        step = 10
        while self.value % (step * 10) == 0 and self.value:
            step *= 10
        return self.value <= actual < self.value + step


def figure_at(line: str, match: re.Match[str], year: int | None) -> ProseFigure | None:
    """The figure of `match` (a pattern with NUMBER's groups) in `line`, or None for no number."""
    text = match.group("num")
    in_words = not text.isdigit()
    value = chinese_number(text.replace("两", "二"))
    if value is None:
        return None
    start, end = match.start("num"), match.end("num")
    more = match.group("more")
    after = end + (1 if more else 0)
    return ProseFigure(
        value=value,
        start=start,
        end=after,
        at_least=bool(more),
        approximate=bool(APPROXIMATE.search(clause_before(line, start)))
        or line.startswith("左右", after + 1)
        or line.startswith("左右", after),
        another_time=not about_the_year(line, match.start(), match.group(0), year),
        not_a_count=line.startswith("件事", after)
        or (in_words and line[start - 1 : start] in NOT_COUNT_BEFORE),
        in_words=in_words,
    )


def count_figures(line: str, year: int | None) -> list[ProseFigure]:
    """Every count in the line (a number and its unit: "12件", "三起", "300余条"), in order."""
    figures = []
    for match in COUNT.finditer(line):
        figure = figure_at(line, match, year)
        if figure is not None:
            figures.append(replace(figure, unit=match.group("unit")))
    return figures


def about_the_year(line: str, start: int, matched: str, year: int | None) -> bool:
    """False for what a sentence says of another time: "2017年受理…", "较上年…", "累计…".

    `matched` is the text read from `start` on (a topic and its figure, or the figure alone).
    """
    before = sentence_before(line, start)
    if year is not None:
        years = YEAR.findall(before + matched)
        if years and int(years[-1]) != year:
            return False
    words = before[-OTHER_TIME_REACH:] + matched
    return not (OTHER_TIME.search(words) and not THIS_YEARS_CARRY_IN.search(matched))


def sentence_before(line: str, position: int) -> str:
    start = max(line.rfind(mark, 0, position) for mark in SENTENCE_ENDS) + 1
    return line[start:position]


def clause_before(line: str, position: int) -> str:
    start = max(line.rfind(mark, 0, position) for mark in CLAUSE_ENDS) + 1
    return line[start:position]


def clause_around(line: str, position: int) -> tuple[int, int]:
    """(start, end) of the clause holding `position`: between the marks , 。 ； ! ? around it."""
    start = max(line.rfind(mark, 0, position) for mark in CLAUSE_ENDS) + 1
    ends = [i for i in (line.find(mark, position) for mark in CLAUSE_ENDS) if i >= 0]
    return start, min(ends, default=len(line))


def report_year(lines: list[str], text_lines: list[int]) -> int | None:
    """The first year the prose names: the title's ("XX2023年政府信息公开工作年度报告") comes first."""
    for number in text_lines:
        match = YEAR.search(lines[number - 1])
        if match:
            return int(match.group(1))
    return None


def percent_agrees(printed: Decimal, part: Number, whole: Number) -> bool:
    """The printed percentage is part/whole rounded (or cut) to the digits printed."""
    exact = Decimal(part) / Decimal(whole) * 100
    exponent = printed.as_tuple().exponent
    step = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    return abs(exact - printed) <= step / 2 or printed <= exact < printed + step
