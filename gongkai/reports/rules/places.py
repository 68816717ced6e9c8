"""`foreign_place`: places in the text that are not the body's own, the sign of a report copied from
another body's (seed 003, a 象山县 report, plans a reading room in 奉化 and speaks of 全区).

A county-level division named in the prose must be the body's own area, or lie above or below it.
Neighbours and places elsewhere are reported, except in sentences about working with them
(对口支援、帮扶、协作 …), where other places are named on purpose.
"""

from __future__ import annotations

import re

from gongkai.reports.audit.model import Finding
from gongkai.reports.gazetteer import COUNTY, Division, Gazetteer, Mention, gazetteer
from gongkai.reports.rules.common import Check

_SENTENCE = re.compile(r"[^。；！？!?;]+[。；！？!?;]?")
_COOPERATION = re.compile(r"对口|帮扶|支援|协作|结对|援建|挂职|共建|合作")
# How a 县 body would speak of itself if it were a 区 (and the other way round). The look-behind
# leaves out the words that end in 区 without being one: 开发区、园区、社区、景区、安全区 …
_SELF_AS = {
    "区": re.compile(
        r"(?<![发园社景片新城市护务能贸范验辖山库矿湾街校厂营林牧灾疫禁误盲专分小老特地政学县安完保])"
        r"(全区|我区|本区|区政府|区委|区府办|区人民政府|区行政服务中心|区本级|区属)(?![分别域间])"
    ),
    "县": re.compile(r"(?<![郡州府省])(全县|我县|本县)(?![域城])"),
}


# Bodies of the central government: every place in China lies below them.
_NATIONAL = ("国务院", "国家", "中华人民共和国", "中央", "最高人民")


def check_places(check: Check) -> list[Finding]:
    if (check.report.agency_name or "").startswith(_NATIONAL):
        return []
    area = _own_area(check)
    if area is None:
        return [
            check.finding(
                "not_checkable",
                "未能从报告的机关名称确定其所在行政区，未核对文中提到的外地地名",
            )
        ]
    places = gazetteer()
    neighbours: tuple[Division, ...] = ()
    if area.level == COUNTY:
        neighbours = tuple(d for d in places.counties_of(area.code[:4]) if d.code != area.code)
    foreign: dict[str, tuple[list[Division], set[str], list[int]]] = {}
    self_words: dict[str, list[int]] = {}
    other_kind = _other_kind(check, area)
    for number, line in check.prose():
        for sentence in _SENTENCE.findall(line):
            if _COOPERATION.search(sentence):
                continue
            _note_foreign(places, area, neighbours, sentence, number, foreign)
            if other_kind:
                _note_self_words(sentence, other_kind, number, self_words)
    findings: list[Finding] = []
    for divisions, written, lines in foreign.values():
        findings.append(
            check.finding(
                "foreign_place",
                f"文中提到{_describe(divisions, written)}，既不是本机关所在的{_full(area)}，"
                "也不是其上级或下级行政区，疑为照抄其他地区的报告",
                evidence=check.line_evidence(lines),
            )
        )
    if self_words and other_kind:
        words = "、".join(f"“{w}”" for w in self_words)
        findings.append(
            check.finding(
                "foreign_place",
                f"本机关所在的{area.name}是{area.kind}，文中却称{words}，疑为照抄某个{other_kind}的报告",
                evidence=check.line_evidence(n for lines in self_words.values() for n in lines),
            )
        )
    return findings


def _other_kind(check: Check, area: Division) -> str | None:
    """For a 县, 区 (and for a 区, 县): the word whose 全… in the text would be another county's; None
    when there is none to look for."""
    other_kind = {"县": "区", "区": "县"}.get(area.kind) if area.level == COUNTY else None
    if other_kind and other_kind in (check.report.agency_name or "").replace(area.name, ""):
        return None  # 象山县经济开发区管委会 rightly speaks of 全区
    if other_kind == "区" and _zone_named_after(area, "".join(text for _, text in check.prose())):
        return None  # 平潭县 lies in 平潭综合实验区, whose report it shares: 全区 is the zone
    return other_kind


def _note_self_words(sentence: str, other_kind: str, number: int, self_words: dict[str, list[int]]) -> None:
    """Into `self_words`, the words (全区, 本区…) by which the sentence speaks of the body's area as
    `other_kind`."""
    for match in _SELF_AS[other_kind].finditer(sentence):
        self_words.setdefault(match.group(1), []).append(number)


def _note_foreign(
    places: Gazetteer,
    area: Division,
    neighbours: tuple[Division, ...],
    sentence: str,
    number: int,
    foreign: dict[str, tuple[list[Division], set[str], list[int]]],
) -> None:
    """Into `foreign`, the places the sentence names that are neither the body's area nor above or
    below it, with the words written and the line."""
    mentions = places.county_mentions(sentence)
    mentions += [m for m in places.short_mentions(sentence, neighbours) if not _inside(m, mentions)]
    for mention in mentions:
        if any(places.related(d, area) for d in mention.divisions):
            continue
        key = mention.divisions[0].code if len(mention.divisions) == 1 else mention.text
        _, written, lines = foreign.setdefault(key, (list(mention.divisions), set(), []))
        written.add(mention.text)
        lines.append(number)


# A zone that a county's government lies in and that bears its name (平潭县 in 平潭综合实验区): not an
# administrative division of the code list, so "全区" speaks of it, not of a 区 the text was copied from.
_ZONES = ("综合实验区", "实验区", "试验区", "示范区", "新区", "开发区", "合作区")


def _zone_named_after(area: Division, prose: str) -> bool:
    stem = area.name[:-1] if len(area.name) > 2 else area.name
    return any(f"{stem}{zone}" in prose for zone in _ZONES)


def _own_area(check: Check) -> Division | None:
    report = check.report
    places = gazetteer()
    texts = [report.agency_name or ""]
    if report.title_line:
        texts += [check.line(n) for n in range(max(1, report.title_line - 2), report.title_line + 1)]
    context = "".join(text for _, text in check.prose())
    for text in texts:
        if text:
            area = places.locate(text, context)
            if area is not None:
                return area
    return None


def _inside(mention: Mention, others: list[Mention]) -> bool:
    return any(o.start <= mention.start and mention.end <= o.end for o in others)


def _full(division: Division) -> str:
    """奉化区 → 宁波市奉化区, 朝阳区 → 北京市朝阳区 (past the code list's 市辖区 placeholder)."""
    for above in gazetteer().ancestors(division):
        if not above.name.endswith(("市辖区", "直辖县级行政区划")):
            return f"{above.name}{division.name}"
    return division.name


def _describe(divisions: list[Division], written: set[str]) -> str:
    shown = "、".join(f"“{w}”" for w in sorted(written))
    if len(divisions) == 1:
        return f"{shown}（{_full(divisions[0])}）"
    return f"{shown}（{'或'.join(_full(d) for d in divisions[:3])}）"
