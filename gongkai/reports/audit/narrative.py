"""Figures the report's own text quotes for table cells ("2023年发布行政规范性文件14件").

Used to choose between the ways a run-together row of figures can be split, never against the
sums of the table: a split must first fit the sums (see `runtogether`). The figures are read by
`gongkai.reports.prose_figures`, as `narrative_mismatch` reads them: only exact counts about the
report's year are quoted ("约300件", "300余件", "2022年受理50件", "较上年增加12件" are not).
"""

from __future__ import annotations

import re

from gongkai.reports import prose_figures
from gongkai.reports.formats import FORMAT_2019, FORMAT_2021

_SENTENCES = re.compile(r"[。；;！!？?]")
# The units of the counts that table cells hold (not 条 of publications, 人 of trainees).
_CELL_UNITS = frozenset("件个项宗次")


def quoted_figures(
    lines: list[str], text_lines: list[int], fmt: str | None, year: int | None = None
) -> dict[str, set[int]]:
    """Cell key → the figures the text gives for it.

    A clause is read with the subject of its sentence: in "制发行政规范性文件12件，废止32件" the 32
    is of 规范性文件 too. Only the first count of a clause is its figure. `year` is the report's year
    (by default the first the prose names, which is the title's).
    """
    if year is None:
        year = prose_figures.report_year(lines, text_lines)
    quoted: dict[str, set[int]] = {}
    for number in text_lines:
        for sentence in _SENTENCES.split(lines[number - 1]):
            normative = "规范性文件" in sentence
            requests = "申请" in sentence
            if not (normative or requests):
                continue
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
                clause = sentence[start:end]
                key = None
                if normative:
                    key = _normative_key(clause, fmt)
                if key is None and requests:
                    key = _request_key(clause)
                if key:
                    quoted.setdefault(key, set()).add(figure.value)
    return quoted


def _normative_key(clause: str, fmt: str | None) -> str | None:
    prefix = "item20_1.normative_documents"
    if fmt == FORMAT_2021:
        if re.search(r"废止|失效", clause):
            return f"{prefix}.repealed"
        if re.search(r"现行有效|继续有效", clause):
            return f"{prefix}.in_force"
        if re.search(r"制发|发布|印发|出台|制定", clause):
            return f"{prefix}.issued"
    if fmt == FORMAT_2019:
        if re.search(r"新制作|制发|印发|出台|制定", clause):
            return f"{prefix}.newly_made"
        if re.search(r"新公开|发布", clause):
            return f"{prefix}.newly_published"
    return None


def _request_key(clause: str) -> str | None:
    if re.search(r"上年(?:度)?(?:结转|转结)", clause):
        return "requests.carried_in.total"
    if re.search(r"(?:结转|转结)(?:至)?下年", clause):
        return "requests.carried_out.total"
    if re.search(r"新收|收到|受理|共收", clause):
        return "requests.new_received.total"
    if re.search(r"办结|答复", clause):
        return "requests.results_total.total"
    return None
