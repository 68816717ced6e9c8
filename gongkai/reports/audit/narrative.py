"""Figures the report's own text quotes for table cells ("2023年发布行政规范性文件14件").

Used to choose between the ways a run-together row of figures can be split, never against the
sums of the table: a split must first fit the sums (see `runtogether`). The figures are read as
`narrative_mismatch` reads them: what the prose states about a cell (`prose_statements`: "2013年主动
公开政府信息2949条" for 主动公开信息数), and each figure by `prose_figures`: only exact counts about the
report's year are quoted ("约300件", "300余件", "2022年受理50件", "较上年增加12件" are not).
"""

from __future__ import annotations

import re

from gongkai.reports import prose_figures, prose_statements
from gongkai.reports.formats import FORMAT_2019, FORMAT_2021

_SENTENCES = re.compile(r"[。；;！!？?]")
# The units of the counts that table cells hold (not 条 of publications, 人 of trainees).
_CELL_UNITS = frozenset("件个项宗次")


def quoted_figures(
    lines: list[str], text_lines: list[int], fmt: str | None, year: int | None = None
) -> dict[str, set[int]]:
    """Cell key → the figures the text gives for it.

    Every statement of the prose about a single cell counts (as `narrative_mismatch` reads it), and
    a clause about normative documents is also read with the subject of its sentence: in
    "制发行政规范性文件12件，废止32件" the 32 is of 规范性文件 too (only the first count of a clause is
    its figure). `year` is the report's
    year (by default the first the prose names, which is the title's).
    """
    if year is None:
        year = prose_figures.report_year(lines, text_lines)
    quoted: dict[str, set[int]] = {}
    if fmt is not None and year is not None:
        for number in text_lines:
            for claim in prose_statements.claims(lines[number - 1].translate(prose_statements.QUOTES), year):
                keys = claim.topic.keys_for(fmt)
                if len(keys) == 1 and not claim.at_least:
                    quoted.setdefault(keys[0], set()).add(claim.value)
    for number in text_lines:
        for sentence in _SENTENCES.split(lines[number - 1]):
            if "规范性文件" in sentence:
                _quote_normative(sentence, fmt, year, quoted)
    return quoted


def _quote_normative(sentence: str, fmt: str | None, year: int | None, quoted: dict[str, set[int]]) -> None:
    """Into `quoted`, the figure of each clause of a sentence about normative documents."""
    seen_clauses: set[int] = set()
    for figure in prose_figures.count_figures(sentence, year):
        if figure.unit not in _CELL_UNITS:
            continue
        start, end = prose_figures.clause_around(sentence, figure.start)
        if start in seen_clauses:
            continue  # the first count of a clause is its figure
        seen_clauses.add(start)
        if not figure.exact:
            continue
        key = _normative_key(sentence[start:end], fmt)
        if key:
            quoted.setdefault(key, set()).add(figure.value)


def _normative_key(clause: str, fmt: str | None) -> str | None:
    prefix = "item20_1.normative_documents"
    if fmt == FORMAT_2021:
        if re.search(r"废止|失效", clause):
            return f"{prefix}.repealed"
        if re.search(r"现行有效|继续有效", clause):
            # "集中发布现行有效规范性文件393件": the list a clean-up published, not the count in force
            listed = re.search(r"(?:发布|公布|印发)(?:了)?(?:现行有效|继续有效)", clause)
            return None if listed else f"{prefix}.in_force"
        if re.search(r"制发|发布|印发|出台|制定", clause):
            return f"{prefix}.issued"
    if fmt == FORMAT_2019:
        if re.search(r"新制作|制发|印发|出台|制定", clause):
            return f"{prefix}.newly_made"
        if re.search(r"新公开|发布", clause):
            return f"{prefix}.newly_published"
    return None
