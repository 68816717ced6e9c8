"""`narrative_mismatch`: figures quoted in the prose against the cells they speak of.

Reports tell their main figures twice, in the text and in the tables (domain.md §3.2 X-1: seed
000 writes "行政诉讼和行政复议0件" over a table with one 行政诉讼). A figure is tied to cells by what
the sentence says, not by where it stands: 复议 is not 诉讼, 纠正 is not 总计, 新收 is not 办结.
What the prose states is read by `gongkai.reports.prose_statements` (each figure by `prose_figures`),
as the reader reads the figures it splits run-together rows by: only statements about the report year are read (a sentence about 上年 or
another year is left alone), "N余件" is read as at least N, "约、近、超过" figures are not checked at
all, numerals in words are figures, percentages are compared rounded to the digits printed.
A topic is reported once, at the first figure the text gives for it: a later figure of the same
topic that disagrees too is most often a part ("其中区直单位3933条，各乡镇1037条").
"""

from __future__ import annotations

import re
from decimal import Decimal

from gongkai.reports import formats, prose_figures
from gongkai.reports.audit.model import Finding, Number
from gongkai.reports.prose_figures import PERCENT, percent_agrees
from gongkai.reports.prose_statements import QUOTES, Claim, Topic, appeal_topic, claims
from gongkai.reports.rules.common import Check, show

F2008, F2019, F2021 = formats.FORMAT_2008, formats.FORMAT_2019, formats.FORMAT_2021


_RATE = re.compile(rf"(?P<kind>按时|按期)?办结率(?:为|达|达到|是)?{PERCENT}")
_CORRECTION_RATE = re.compile(
    rf"(?P<topic>(?:行政)?(?:复议|诉讼))?(?:案件)?(?:的)?(?:被)?纠错率(?:为|是|仅为)?{PERCENT}"
)


def check_narrative(check: Check) -> list[Finding]:
    fmt = check.fmt
    if fmt is None or check.report.year is None:
        return []
    findings: list[Finding] = []
    mismatches: dict[str, list[Finding]] = {}
    agreed: set[str] = set()
    for number, raw in check.prose():
        line = raw.translate(QUOTES)
        for claim in claims(line, check.report.year):
            figure = _compare_figure(check, claim, number, line)
            if figure is not None:
                mismatches.setdefault(claim.topic.name, []).append(figure)
                continue
            agreed.add(claim.topic.name)
            share = _compare_share(check, claim, number, line)
            if share is not None:
                findings.append(share)
        findings += _rates(check, number, line)
    # A figure the text also gives right elsewhere is that of a part ("其中区本级收到申请12件"):
    # only figures that the text never gets right are reported, and only the first of each topic
    # (the others, such as "各乡镇主动公开政府信息1037条" after the total, are most often its parts).
    for topic, found in mismatches.items():
        if topic not in agreed:
            findings.append(found[0])
    return sorted(findings, key=lambda f: f.evidence[0].line if f.evidence else 0)


def _values(check: Check, topic: Topic) -> tuple[tuple[str, ...], Number | None]:
    keys = topic.keys_for(check.fmt or "")
    if not keys:
        return keys, None
    total: Number = 0
    for key in keys:
        value = check.value(key)
        if value is None:
            return keys, None
        total += value
    return keys, total


def _agrees(claim: Claim, actual: Number) -> bool:
    # "1550余条": 1550 and a little more, up to the next round figure (1550–1559; 300余: 300–399).
    figure = prose_figures.ProseFigure(claim.value, claim.start, claim.end, at_least=claim.at_least)
    return figure.agrees(actual)


def _quote(line: str, claim: Claim) -> str:
    start = max(line.rfind(d, 0, claim.start) for d in prose_figures.CLAUSE_ENDS) + 1
    text = line[start : claim.end].strip()
    return text if len(text) <= 60 else "…" + text[-58:]


def _described(check: Check, keys: tuple[str, ...]) -> str:
    if len(keys) <= 3:
        return "统计表“" + "”+“".join(check.label(k) for k in keys) + "”"
    return "统计表相应各项之和"


def _compare_figure(check: Check, claim: Claim, number: int, line: str) -> Finding | None:
    """The finding when the figure differs from its cells (None too when there are no such cells)."""
    keys, actual = _values(check, claim.topic)
    if actual is None or _agrees(claim, actual):
        return None  # no such cell in this format, or blank (told by blank_cell)
    claimed = f"{claim.value}余" if claim.at_least else str(claim.value)
    message = f"正文称{claim.topic.name}为{claimed}（“{_quote(line, claim)}”），{_described(check, keys)}为{show(actual)}"
    evidence = check.line_evidence([number]) + check.cell_evidence(keys)
    return check.finding("narrative_mismatch", message, keys, evidence)


def _compare_share(check: Check, claim: Claim, number: int, line: str) -> Finding | None:
    """The finding when "占N%" after a right figure is not that figure's share of the whole."""
    keys, actual = _values(check, claim.topic)
    if actual is None or claim.share is None:
        return None
    quote = _quote(line, claim)
    evidence = check.line_evidence([number]) + check.cell_evidence(keys)
    bases = [value for topic in claim.share_of for value in [_values(check, topic)[1]] if value]
    if not bases or any(percent_agrees(claim.share, actual, base) for base in bases):
        return None
    computed = Decimal(actual) / Decimal(bases[0]) * 100
    message = (
        f"正文称{claim.topic.name}占{claim.share}%（“{quote}”），按统计表为{show(actual)}/{show(bases[0])}"
        f"={computed:.1f}%"
    )
    return check.finding("narrative_mismatch", message, keys, evidence)


Pairs = list[tuple[tuple[str, ...], tuple[str, ...]]]  # (part keys, whole keys) of a rate


def _rates(check: Check, number: int, line: str) -> list[Finding]:
    findings: list[Finding] = []
    fmt = check.fmt or ""
    pairs: Pairs
    for match in _RATE.finditer(line):
        printed = Decimal(match.group("pct"))
        if match.group("kind"):
            if fmt != F2008:
                continue  # the 2019 and 2021 tables do not count replies on time
            pairs = [(("requests_closed_on_time",), ("requests_closed",))]
            name = "按时办结率"
        elif fmt == F2008:
            pairs = [(("requests_closed",), ("requests_received",))]
            name = "办结率"
        else:
            closed = ("requests.results_total.total",)
            pairs = [
                (closed, ("requests.new_received.total", "requests.carried_in.total")),
                (closed, ("requests.new_received.total",)),
            ]
            name = "办结率"
        findings += _rate_finding(check, number, line, match, printed, name, pairs)
    for match in _CORRECTION_RATE.finditer(line):
        printed = Decimal(match.group("pct"))
        topic_text = match.group("topic") or "复议诉讼"
        corrected = appeal_topic(topic_text, "corrected").keys_for(fmt)
        total = appeal_topic(topic_text, "total").keys_for(fmt)
        if not corrected or not total:
            continue
        pairs = [(corrected, total)]
        pending = appeal_topic(topic_text, "pending").keys_for(fmt)
        if pending:
            pairs.append((corrected, ("-", *pending, "+", *total)))
        findings += _rate_finding(check, number, line, match, printed, "纠错率", pairs)
    return findings


def _sum_keys(check: Check, keys: tuple[str, ...]) -> Number | None:
    """Σ keys; a key after "-" is subtracted, after "+" added again (total minus pending)."""
    total: Number = 0
    sign = 1
    for key in keys:
        if key in ("-", "+"):
            sign = -1 if key == "-" else 1
            continue
        value = check.value(key)
        if value is None:
            return None
        total += sign * value
    return total


def _rate_finding(
    check: Check,
    number: int,
    line: str,
    match: re.Match[str],
    printed: Decimal,
    name: str,
    pairs: Pairs,
) -> list[Finding]:
    computed: list[tuple[Number, Number]] = []
    for part_keys, whole_keys in pairs:
        part, whole = _sum_keys(check, part_keys), _sum_keys(check, whole_keys)
        if part is None or whole is None or not whole:
            continue
        if percent_agrees(printed, part, whole):
            return []
        computed.append((part, whole))
    if not computed:
        return []
    part, whole = computed[0]
    rate = Decimal(part) / Decimal(whole) * 100
    keys = [k for k in pairs[0][0] + pairs[0][1] if k not in ("-", "+")]
    message = (
        f"正文称{name}为{printed}%（“{match.group(0)}”），按统计表为{show(part)}/{show(whole)}={rate:.1f}%"
    )
    evidence = check.line_evidence([number]) + check.cell_evidence(keys)
    return [check.finding("narrative_mismatch", message, keys, evidence)]
