"""Figures the report's own text quotes for table cells ("2023年发布行政规范性文件14件").

Used to choose between the ways a run-together row of figures can be split, never against the
sums of the table: a split must first fit the sums (see `runtogether`).
"""

from __future__ import annotations

import re

from gongkai.reports.formats import FORMAT_2019, FORMAT_2021

_SENTENCES = re.compile(r"[。；;！!？?]")
_CLAUSES = re.compile(r"[，,：:]")
_COUNT = re.compile(r"(\d+)\s*(?:件|个|项|宗|次)")


def quoted_figures(lines: list[str], text_lines: list[int], fmt: str | None) -> dict[str, set[int]]:
    """Cell key → the figures the text gives for it.

    A clause is read with the subject of its sentence: in "制发行政规范性文件12件，废止32件" the 32
    is of 规范性文件 too.
    """
    quoted: dict[str, set[int]] = {}
    for number in text_lines:
        for sentence in _SENTENCES.split(lines[number - 1]):
            normative = "规范性文件" in sentence
            requests = "申请" in sentence
            for clause in _CLAUSES.split(sentence):
                match = _COUNT.search(clause)
                if not match:
                    continue
                key = None
                if normative:
                    key = _normative_key(clause, fmt)
                if key is None and requests:
                    key = _request_key(clause)
                if key:
                    quoted.setdefault(key, set()).add(int(match.group(1)))
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
