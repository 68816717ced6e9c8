"""The facts a report states about itself: title, body, year, statistics period, publication date."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from gongkai.reports.audit.text import chinese_number

_CN_YEAR_DIGITS = "〇零○Ｏ一二三四五六七八九"
_YEAR = rf"((?:19|20)\d{{2}}|[二][{_CN_YEAR_DIGITS}]{{3}})"
_TITLE = re.compile(
    rf"^(?P<pre>[^。，；]*?){_YEAR}\s*年度?\s*(?P<mid>[^。，；]*?)(?:政府|政务)?(?:信息)?公开(?:工作)?(?:年度)?(?:工作)?报告"
)
_SPACES = re.compile(r"[\s\u3000]+")
_METADATA_LABEL = re.compile(r"^(?:标题|题目|名称|文章标题|信息名称|title)[:：]", re.IGNORECASE)
# Body names end with one of these (a signature line, or the line above the title).
_BODY_SUFFIX = re.compile(
    r"(?:人民政府|政府|办公室|办公厅|委员会|局|厅|委|办|署|院|中心|处|所|站|队|办事处|街道|镇|乡|区|县|市|\))$"
)
_YEAR_IN_TEXT = re.compile(r"(?<![\d〔\[(（])((?:19|20)\d{2})\s*年")
_DATE = r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_PERIOD = re.compile(
    rf"{_DATE}\s*(?:起)?\s*(?:至|到|—|－|-|～|~)\s*(?:((?:19|20)\d{{2}})\s*年\s*)?(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日"
)
_PERIOD_CUE = re.compile(r"统计(?:的)?(?:期限|时限|时间|区间|范围|周期)|数据(?:的)?(?:期限|时限|统计)")
_CN_DATE = rf"{_YEAR}\s*年\s*(\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月\s*(\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*日"
_DATE_LINE = re.compile(rf"^\s*{_CN_DATE}\s*$")
# How a CMS page prints its date: "发布时间：2024-03-08 15:34", "发布日期：2020年1月20日", and
# "来源：… 时间：2014-01-10" (a bare 时间/日期 only at a line's or a field's start: "统计时间：" is the
# period's).
_PUBLISHED = re.compile(
    rf"(?:(?:发布|公开|成文|印发)(?:日期|时间)\s*[:：]?|(?:^|(?<=\s))(?:时间|日期)\s*[:：])"
    rf"\s*(?:{_CN_DATE}|((?:19|20)\d{{2}})[-/.](\d{{1,2}})[-/.](\d{{1,2}}))"
)
# The <meta> names under which government CMSes give a page's publication date (TRS: PubDate;
# 政府网站集约化平台 and gov.cn: firstpublishedtime; others: publishdate, pubtime,
# article:published_time, DC.date).
PAGE_DATE_NAMES = (
    "pubdate",
    "publishdate",
    "firstpublishedtime",
    "publishedtime",
    "pubtime",
    "publishtime",
    "article:published_time",
    "dc.date.issued",
    "dc.date",
)
_ISO_DATE = re.compile(r"((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})")


@dataclass
class Facts:
    title: str | None = None
    title_line: int | None = None
    title_year: int | None = None
    agency_name: str | None = None
    text_years: list[int] = field(default_factory=list)
    period: tuple[date, date] | None = None
    period_line: int | None = None
    published_on: date | None = None


def _year(token: str) -> int | None:
    token = token.replace("○", "〇").replace("Ｏ", "〇")
    return chinese_number(token)


def _date(year: int | None, month: int | None, day: int | None) -> date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def read_facts(lines: list[str], text_lines: list[int], page_published: date | None = None) -> Facts:
    """Facts from the paragraph lines (`text_lines`: their 1-based numbers in `lines`) and the date
    that the page the report was published on gives in its metadata (`page_date`)."""
    facts = Facts()
    _find_title(lines, text_lines, facts)
    _find_years(lines, text_lines, facts)
    _find_period(lines, text_lines, facts)
    _find_published_on(lines, text_lines, facts, page_published)
    return facts


def page_date(meta: list[tuple[str, str]]) -> date | None:
    """The publication date among a page's <meta> (name or property, content) pairs, by the names
    of `PAGE_DATE_NAMES` in their order."""
    dates: dict[str, date] = {}
    for name, content in meta:
        name = name.strip().lower()
        match = _ISO_DATE.search(content)
        if name in PAGE_DATE_NAMES and name not in dates and match:
            found = _date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if found is not None:
                dates[name] = found
    return next((dates[name] for name in PAGE_DATE_NAMES if name in dates), None)


def _clean(text: str) -> str:
    return _SPACES.sub("", text)


def _find_title(lines: list[str], text_lines: list[int], facts: Facts) -> None:
    head = text_lines[:25]
    for index, number in enumerate(head):
        # A page's metadata label ("标题:") is not part of the title, nor of the body's name.
        line = _METADATA_LABEL.sub("", _clean(lines[number - 1]))
        if not line or len(line) > 80:
            continue
        candidates = [(line, number)]
        # A title printed over two lines: "2018年慈溪市政府办公室信息公开" / "工作年度报告", or the
        # body above the year: "慈溪市人民政府办公室" / "2023年政府信息公开工作年度报告".
        if index + 1 < len(head) and "报告" not in line:
            following = _METADATA_LABEL.sub("", _clean(lines[head[index + 1] - 1]))
            if len(following) <= 40:
                candidates.append((line + following, head[index + 1]))
        for candidate, second in candidates:
            match = _TITLE.match(candidate)
            if not match or "。" in candidate[: match.end()]:
                continue
            facts.title = candidate[: match.end()]
            # The line the year is printed on.
            facts.title_line = number if match.start(2) < len(line) else second
            facts.title_year = _year(match.group(2))
            name = _body_name(match.group("pre")) or _body_name(match.group("mid"))
            facts.agency_name = name or _name_above(lines, head[:index]) or _signature(lines, text_lines)
            return
    facts.agency_name = _signature(lines, text_lines)


def _body_name(text: str) -> str | None:
    text = text.strip("，,：:、 ")
    text = re.sub(r"^关于", "", text)
    text = re.sub(r"(?:的|关于)$", "", text)
    return text if 2 <= len(text) <= 40 else None


def _name_above(lines: list[str], above: list[int]) -> str | None:
    """The body printed on the line(s) above the title, as in "慈溪市人民政府办公室" / "2023年…报告"."""
    for number in reversed(above[-3:]):
        text = _clean(lines[number - 1])
        if 2 <= len(text) <= 40 and "。" not in text and not _DATE_LINE.match(text) and not text[0].isdigit():
            return text
    return None


def _signature(lines: list[str], text_lines: list[int]) -> str | None:
    """The body that signs the report at its end."""
    for number in reversed(text_lines[-12:]):
        text = _clean(lines[number - 1])
        if (
            3 <= len(text) <= 30
            and "。" not in text
            and _BODY_SUFFIX.search(text)
            and not text.startswith("附")
        ):
            return text
    return None


def _find_years(lines: list[str], text_lines: list[int], facts: Facts) -> None:
    counts: Counter[int] = Counter()
    for number in text_lines:
        if number == facts.title_line:
            continue
        for match in _YEAR_IN_TEXT.finditer(lines[number - 1]):
            counts[int(match.group(1))] += 1
    # Most mentioned first: the year the text is about, then the years it refers to.
    facts.text_years = [year for year, _ in counts.most_common()]


def _find_period(lines: list[str], text_lines: list[int], facts: Facts) -> None:
    # The statement may wrap over lines (PDF): look in each line joined with the next one.
    for index, number in enumerate(text_lines):
        text = _clean(lines[number - 1])
        cue = _PERIOD_CUE.search(text)
        if not cue:
            continue
        if index + 1 < len(text_lines):
            text += _clean(lines[text_lines[index + 1] - 1])
        match = _PERIOD.search(text, cue.end())
        if not match or match.start() - cue.end() > 20:
            continue
        start = _date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        end_year = int(match.group(4)) if match.group(4) else int(match.group(1))
        end = _date(end_year, int(match.group(5)), int(match.group(6)))
        if start and end:
            facts.period = (start, end)
            facts.period_line = number
            return


def _cn_date(year: str, month: str, day: str) -> date | None:
    return _date(_year(year), chinese_number(month), chinese_number(day))


def _find_published_on(
    lines: list[str], text_lines: list[int], facts: Facts, page_published: date | None = None
) -> None:
    # The date the page prints as its publication date, then the one its metadata gives, then the
    # date under the signature.
    for number in text_lines[:40]:
        match = _PUBLISHED.search(lines[number - 1])
        if match:
            groups = match.groups()
            found = _cn_date(*groups[0:3]) if groups[0] else _cn_date(*groups[3:6])
            if found:
                facts.published_on = found
                return
    if page_published is not None:
        facts.published_on = page_published
        return
    # A date alone on its line: the date under the signature.
    for number in reversed(text_lines):
        match = _DATE_LINE.match(lines[number - 1])
        if match:
            facts.published_on = _cn_date(*match.groups())
            if facts.published_on:
                return
