"""What the prose of a report states, figure by figure, about the cells of its tables.

"2023年新收政府信息公开申请12件" states 12 for the new applications (table 三 一、本年新收 总计 in the 2019
and 2021 formats, 申请数 in the old table). A figure is tied to cells by what the sentence says, not
by where it stands: 复议 is not 诉讼, 纠正 is not 总计, 新收 is not 办结, and "其中，各乡镇主动公开…" is a
part. Each figure is read by `prose_figures` (approximate, 余/多, other years', numerals in words).

Two readers use the statements: the reader, to choose between the splits of a row of figures that
ran together (`audit.narrative.quoted_figures`), and `narrative_mismatch`, which holds them against the
cells (`rules.narrative`). `claims(line, year)` gives them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from gongkai.reports import formats, prose_figures
from gongkai.reports.prose_figures import NUMBER, PERCENT, clause_before

F2008, F2019, F2021 = formats.FORMAT_2008, formats.FORMAT_2019, formats.FORMAT_2021
QUOTES = str.maketrans("", "", "“”‘’\"'「」『』")


@dataclass(frozen=True)
class Topic:
    """What a figure counts, and the cells (summed) that hold it in each format."""

    name: str
    keys: dict[str, tuple[str, ...]]

    def keys_for(self, fmt: str) -> tuple[str, ...]:
        return self.keys.get(fmt, ())


def _new(name: str, old: tuple[str, ...] = (), new: tuple[str, ...] = ()) -> Topic:
    """A topic with the old table's keys and the keys common to 格式2019 and 格式2021."""
    keys = {F2008: old, F2019: new, F2021: new}
    return Topic(name, {fmt: value for fmt, value in keys.items() if value})


def _results(prefix: str) -> dict[str, tuple[str, ...]]:
    return {
        fmt: tuple(f"requests.{row}.total" for row in formats.result_rows(fmt) if row.startswith(prefix))
        for fmt in (F2019, F2021)
    }


def _appeal(rows: tuple[str, ...], column: str, old: str | None) -> Topic:
    names = {"reconsideration": "行政复议", "litigation": "行政诉讼"}
    new_rows = [r for r in formats.APPEAL_ROWS if any(r.startswith(x) for x in rows)]
    new = tuple(f"appeals.{r}.{column}" for r in new_rows)
    aspect = {
        "total": "",
        "corrected": "被纠错",
        "upheld": "结果维持",
        "other": "其他结果",
        "pending": "尚未审结",
    }
    name = "和".join(names[r] for r in rows) + aspect[column] + "案件数"
    old_keys = tuple(f"{r}_{old}" for r in rows) if old else ()
    return _new(name, old_keys, new)


RECEIVED = _new("收到申请数", ("requests_received",), ("requests.new_received.total",))
CLOSED = _new("办结申请数", ("requests_closed",), ("requests.results_total.total",))
CLOSED_ON_TIME = _new("按时办结数", ("requests_closed_on_time",))
CLOSED_EXTENDED = _new("延期办结数", ("requests_closed_extended",))
CARRIED_IN = _new("上年结转申请数", new=("requests.carried_in.total",))
CARRIED_OUT = _new("结转下年度申请数", new=("requests.carried_out.total",))
REQUEST_CHANNELS = {
    "网络": _new("网络申请数", ("requests_online",)),
    "网上": _new("网络申请数", ("requests_online",)),
    "信函": _new("信函申请数", ("requests_letter",)),
    "邮寄": _new("信函申请数", ("requests_letter",)),
    "当面": _new("当面申请数", ("requests_in_person",)),
    "现场": _new("当面申请数", ("requests_in_person",)),
    "传真": _new("传真申请数", ("requests_fax",)),
}
OLD_REPLIES = (
    ("属于已主动公开范围|已主动公开", _new("属于已主动公开范围数", ("replies_already_public",))),
    ("同意部分公开", _new("同意部分公开答复数", ("replies_partially_granted",))),
    ("(?<!不)同意公开", _new("同意公开答复数", ("replies_granted",))),
    ("不同意公开", _new("不同意公开答复数", ("replies_refused",))),
    ("申请信息不存在|信息不存在", _new("申请信息不存在数", ("replies_not_exist",))),
    ("不属于本(?:行政)?机关(?:公开)?", _new("不属于本行政机关公开数", ("replies_not_this_agency",))),
    ("告知作出更改补充|告知更改补充", _new("告知作出更改补充数", ("replies_correction_requested",))),
    ("告知通过其他途径办理", _new("告知通过其他途径办理数", ("replies_other_channel",))),
)
NEW_RESULTS = (
    ("(?<!不)予以公开", Topic("予以公开数", _results("disclosed"))),
    ("(?<!同意)部分公开", Topic("部分公开数", _results("partially_disclosed"))),
    ("不予公开", Topic("不予公开数", _results("withheld_"))),
    ("无法提供", Topic("无法提供数", _results("unavailable_"))),
    ("不予处理", Topic("不予处理数", _results("not_processed_"))),
    ("其他处理", Topic("其他处理数", _results("other_"))),
)
PROACTIVE_TOTAL = _new("主动公开政府信息数", ("proactive_total",))
PROACTIVE_NORMATIVE = _new("主动公开规范性文件数", ("proactive_normative_documents",))
NORMATIVE_ISSUED = Topic(
    "本年制发规范性文件数",
    {
        F2008: ("normative_documents_issued",),
        F2019: ("item20_1.normative_documents.newly_made",),
        F2021: ("item20_1.normative_documents.issued",),
    },
)
NORMATIVE_PUBLISHED = Topic(
    "本年发布规范性文件数",
    {
        F2019: ("item20_1.normative_documents.newly_published",),
        F2021: ("item20_1.normative_documents.issued",),
    },
)
NORMATIVE_IN_FORCE = Topic("现行有效规范性文件数", {F2021: ("item20_1.normative_documents.in_force",)})
NORMATIVE_REPEALED = Topic("本年废止规范性文件数", {F2021: ("item20_1.normative_documents.repealed",)})
PROACTIVE_CHANNELS = {
    "政府公报": _new("政府公报公开政府信息数", ("channel_gazette",)),
    "政府网站": _new("政府网站公开政府信息数", ("channel_website",)),
    "门户网站": _new("政府网站公开政府信息数", ("channel_website",)),
    "政务微博": _new("政务微博公开政府信息数", ("channel_weibo",)),
    "微博": _new("政务微博公开政府信息数", ("channel_weibo",)),
    "政务微信": _new("政务微信公开政府信息数", ("channel_wechat",)),
    "微信": _new("政务微信公开政府信息数", ("channel_wechat",)),
}
TRAININGS = _new("举办培训班数", ("trainings",))
TRAINEES = _new("接受培训人员数", ("trainees",))
FEES = _new("依申请公开收取的费用", ("fees_10k_yuan",))

_GAP = r"[^，。；,;：:！？!?\d]"
_NUM = NUMBER
_APPEAL_TOPIC = r"(?P<topic>(?:行政)?(?:复议|诉讼)(?:[和、及与或](?:行政)?(?:复议|诉讼))?)"
_SHARE = re.compile(rf"[，,、]?\s*(?:约占|占比为?|占){PERCENT}")


@dataclass
class Claim:
    topic: Topic
    value: int
    at_least: bool  # "N余件": N or a little more
    start: int
    end: int
    share: Decimal | None = None  # "占43.3%" after the figure
    share_of: tuple[Topic, ...] = ()


Reader = Callable[[re.Match[str]], list[Claim]]


def _number(match: re.Match[str]) -> int | None:
    figure = prose_figures.figure_at(match.string, match, None)
    return figure.value if figure else None


def _claim(topic: Topic, match: re.Match[str], share_of: tuple[Topic, ...] = ()) -> list[Claim]:
    figure = prose_figures.figure_at(match.string, match, None)
    if figure is None:
        return []
    return [Claim(topic, figure.value, figure.at_least, match.start(), match.end(), share_of=share_of)]


def _zero(topic: Topic, match: re.Match[str]) -> list[Claim]:
    return [Claim(topic, 0, False, match.start(), match.end())]


def _read_received(match: re.Match[str]) -> list[Claim]:
    middle = match.group("mid") + match.group("mid2")
    if re.search(r"其中|结转|转结|自然人|法人|企业|组织", middle):
        return []
    for word, topic in REQUEST_CHANNELS.items():
        if word in middle:
            return _claim(topic, match, (RECEIVED,))
    return _claim(RECEIVED, match)


def _read_closed(match: re.Match[str]) -> list[Claim]:
    kind = match.groupdict().get("kind")
    topic = {"按时": CLOSED_ON_TIME, "按期": CLOSED_ON_TIME, "延期": CLOSED_EXTENDED}.get(kind or "", CLOSED)
    return _claim(topic, match)


def _appeal_aspect(text: str) -> str:
    if re.search(r"纠正|纠错|败诉|撤销|确认违法", text):
        return "corrected"
    if re.search(r"维持|胜诉|驳回", text):
        return "upheld"
    if re.search(r"尚未审结|未审结|审理中|在审", text):
        return "pending"
    return "total"


def _appeal_rows(topic_text: str) -> tuple[str, ...]:
    return tuple(r for r, word in (("reconsideration", "复议"), ("litigation", "诉讼")) if word in topic_text)


def appeal_topic(topic_text: str, aspect: str) -> Topic:
    old = {"total": "total", "corrected": "corrected", "upheld": "upheld", "other": "other"}.get(aspect)
    return _appeal(_appeal_rows(topic_text), aspect, old)


def _each_appeal(topic_text: str, aspect: str, match: re.Match[str], zero: bool) -> list[Claim]:
    """ "复议和诉讼0件" says each is 0: one claim per kind, so the finding names the one that is not."""
    if zero:
        return [
            c
            for word in ("复议", "诉讼")
            if word in topic_text
            for c in _zero(appeal_topic(word, aspect), match)
        ]
    return _claim(appeal_topic(topic_text, aspect), match)


def _read_appeal_count(match: re.Match[str]) -> list[Claim]:
    middle = match.group("mid")
    if "后起诉" in middle or "直接起诉" in middle or re.search(r"其中|次数|人次", middle):
        return []
    value = _number(match)
    zero = value == 0 and not match.group("more")
    return _each_appeal(match.group("topic"), _appeal_aspect(middle), match, zero)


def _read_appeals_received(match: re.Match[str]) -> list[Claim]:
    """ "收到1份有关政府信息公开行政复议申请": the figure before the kind of case."""
    value = _number(match)
    zero = value == 0 and not match.group("more")
    return _each_appeal(match.group("topic"), "total", match, zero)


def _read_in_force(match: re.Match[str]) -> list[Claim]:
    # "清理并集中发布现行有效行政规范性文件393件": a list the clean-up published, not the count in force
    # at the year's end (which adds the documents issued since).
    if re.search(r"(?:发布|公布|印发)(?:了)?$", clause_before(match.string, match.start())):
        return []
    return _claim(NORMATIVE_IN_FORCE, match)


def _read_appeal_none(match: re.Match[str]) -> list[Claim]:
    aspect = _appeal_aspect(match.group("mid") + match.group("after"))
    return _each_appeal(match.group("topic"), aspect, match, zero=True)


def _read_proactive_total(match: re.Match[str]) -> list[Claim]:
    return _claim(PROACTIVE_TOTAL, match)


def _topic_reader(topic: Topic, share_of: tuple[Topic, ...] = ()) -> Reader:
    return lambda match: _claim(topic, match, share_of)


def _keyed_reader(topics: dict[str, Topic], share_of: tuple[Topic, ...] = ()) -> Reader:
    return lambda match: _claim(topics[match.group("word")], match, share_of)


def _results_reader(family: tuple[tuple[str, Topic], ...]) -> Reader:
    """ "予以公开或部分公开59件": the figure is the sum of the kinds named together."""

    def read(match: re.Match[str]) -> list[Claim]:
        named = [topic for words, topic in family if re.search(words, match.group("words"))]
        if len(named) == 1:
            return _claim(named[0], match, (RECEIVED, CLOSED))
        keys: dict[str, tuple[str, ...]] = {}
        for topic in named:
            for fmt, topic_keys in topic.keys.items():
                keys[fmt] = keys.get(fmt, ()) + topic_keys
        name = "与".join(t.name.removesuffix("数") for t in named) + "之和"
        return _claim(Topic(name, keys), match, (RECEIVED, CLOSED))

    return read


def _patterns() -> list[tuple[re.Pattern[str], Reader, tuple[str, ...]]]:
    """(pattern, reader, words of which one must be in the line for the pattern to be tried)."""
    received = (
        rf"(?:新收|收到|受理|接收|接到|共收)(?P<mid>{_GAP}{{0,24}}?)申请(?P<mid2>{_GAP}{{0,8}}?)"
        rf"(?:共|共计|合计|总计)?{_NUM}\s*(?:件|个|份)"
    )
    none_received = r"(?:未收到|没有收到|未受理|没有受理)(?:过)?(?:任何)?[^，。；]{0,10}?申请"
    closed = rf"(?P<kind>按时|按期|延期)?办结{_GAP}{{0,10}}?(?:共|共计)?{_NUM}\s*件"
    all_closed = rf"(?<![\d.]){_NUM}\s*件{_GAP}{{0,24}}?全部{_GAP}{{0,10}}?办结"
    carried_in = rf"(?:上年|上一年|上年度)(?:结转|转结){_GAP}{{0,10}}?{_NUM}\s*件"
    carried_out = rf"(?:结转|转结)(?:至|到)?下(?:一)?年(?:度)?{_GAP}{{0,10}}?{_NUM}\s*件"
    request_channel = (
        rf"(?P<word>网络|网上|信函|邮寄|当面|现场|传真)(?:申请|提交|方式){_GAP}{{0,4}}?{_NUM}\s*件"
    )
    appeals = rf"{_APPEAL_TOPIC}(?P<mid>{_GAP}{{0,12}}?){_NUM}\s*(?:件|起|宗|个)"
    appeals_received = (
        rf"(?:收到|受理|接到|发生)(?:了)?{_NUM}\s*(?:份|件|起|宗|个)(?:有关|涉及)?[^，。；,;\d]{{0,12}}?{_APPEAL_TOPIC}"
        r"(?:申请|案件|案)"
    )
    no_appeals = (
        r"(?:未发生|没有发生|未出现|没有出现|未产生|没有产生|未有|无一件|无一起|没有一起|没有一件|均未)"
        rf"(?P<mid>[^，。；,;]{{0,30}}?){_APPEAL_TOPIC}(?P<after>[^，。；,;]{{0,8}})"
    )
    proactive = rf"主动公开(?:了)?(?:各类|各种|各项)?(?:政府|政务)?信息(?:共|共计|总计|合计|总数)?(?:为|达|达到)?{_NUM}\s*条"
    documents = r"(?:行政)?规范性文件(?:共)?"
    proactive_documents = rf"主动公开(?:了)?{documents}{_NUM}\s*(?:条|件|个)"
    issued = rf"(?:制发|印发|出台|制定)(?:了)?{documents}{_NUM}\s*件"
    published = rf"(?<!主动)发布(?:了)?{documents}{_NUM}\s*件"
    in_force = rf"(?:现行有效|继续有效)的?{documents}{_NUM}\s*件"
    repealed = rf"(?:废止|失效)(?:[、和及](?:废止|失效))?的?{documents}{_NUM}\s*件"
    channel = (
        rf"(?P<word>政府公报|政府网站|门户网站|政务微博|政务微信|微博|微信){_GAP}{{0,6}}?"
        rf"(?:发布|公开|刊登|刊发|推送)(?:了)?(?:各类)?(?:政府|政务)?信息(?:共)?{_NUM}\s*条"
    )
    trainings = rf"(?:举办|组织|开展)(?:了)?[^。；]{{0,60}}?(?<!第){_NUM}\s*(?:期|场|次|个)[^，。；,;\d]{{0,8}}?培训(?!人)"
    trainees = rf"(?:参训|参加培训|培训)(?:人数|人员)?(?:共|达)?{_NUM}\s*人"
    no_fees = r"(?:未发生|没有发生|未|没有|不)[^，。；]{0,20}?收(?:取)?[^，。；]{0,12}?费"
    patterns: list[tuple[str, Reader, str]] = [
        (received, _read_received, "申请"),
        (none_received, lambda m: _zero(RECEIVED, m), "收到|受理"),
        (closed, _read_closed, "办结"),
        (all_closed, _topic_reader(CLOSED), "办结"),
        (carried_in, _topic_reader(CARRIED_IN), "结转|转结"),
        (carried_out, _topic_reader(CARRIED_OUT), "结转|转结"),
        (request_channel, _keyed_reader(REQUEST_CHANNELS, (RECEIVED,)), "申请|提交|方式"),
        (appeals, _read_appeal_count, "复议|诉讼"),
        (appeals_received, _read_appeals_received, "复议|诉讼"),
        (no_appeals, _read_appeal_none, "复议|诉讼"),
        (proactive, _read_proactive_total, "主动公开"),
        (proactive_documents, _topic_reader(PROACTIVE_NORMATIVE), "主动公开"),
        (issued, _topic_reader(NORMATIVE_ISSUED), "规范性文件"),
        (published, _topic_reader(NORMATIVE_PUBLISHED), "规范性文件"),
        (in_force, _read_in_force, "规范性文件"),
        (repealed, _topic_reader(NORMATIVE_REPEALED), "规范性文件"),
        (channel, _keyed_reader(PROACTIVE_CHANNELS), "公报|网站|微博|微信"),
        (trainings, _topic_reader(TRAININGS), "培训"),
        (trainees, _topic_reader(TRAINEES), "培训|参训"),
        (no_fees, lambda m: _zero(FEES, m), "费"),
    ]
    for family in (OLD_REPLIES, NEW_RESULTS):
        word = "|".join(f"(?:{words})" for words, _ in family)
        pattern = rf"(?P<words>(?:{word})(?:[或和及、与](?:{word}))*){_GAP}{{0,4}}?{_NUM}\s*件"
        patterns.append((pattern, _results_reader(family), "件"))
    return [(re.compile(pattern), reader, tuple(words.split("|"))) for pattern, reader, words in patterns]


_PATTERNS = _patterns()


def claims(line: str, year: int) -> Iterator[Claim]:
    """The statements of one line (quotes taken out: `line.translate(QUOTES)`) about the report's `year`."""
    seen: set[tuple[str, int]] = set()
    for pattern, reader, words in _PATTERNS:
        if not any(word in line for word in words):
            continue
        for match in pattern.finditer(line):
            if not _of_the_year(line, match, year):
                continue
            for claim in reader(match):
                if (claim.topic.name, claim.start) in seen:
                    continue
                if claim.topic is PROACTIVE_TOTAL and _a_part(line, match.start()):
                    continue  # "其中十个街道主动公开…": a part, not the total
                seen.add((claim.topic.name, claim.start))
                share = _SHARE.match(line, claim.end)
                if share and claim.share_of:
                    claim.share = Decimal(share.group("pct"))
                    claim.end = share.end()
                yield claim


def _of_the_year(line: str, match: re.Match[str], year: int) -> bool:
    """Whether the statement matched is about the report's year (and, with a count, a usable one)."""
    if "num" in match.groupdict():
        figure = prose_figures.figure_at(line, match, year)
        # Not: another year's, approximate, or no count ("无一件", "第三期").
        return figure is not None and figure.usable
    return prose_figures.about_the_year(line, match.start(), match.group(0), year)


def _a_part(line: str, position: int) -> bool:
    """After "其中" and a subject of its own ("其中，区直各单位主动公开…") a figure is a part; right after
    "其中" ("信息总数1873条，其中主动公开政府信息425条") it is the total, of a larger whole."""
    before = prose_figures.sentence_before(line, position)
    at = before.rfind("其中")
    return at >= 0 and bool(re.sub(r"[，,、：:\s的]", "", before[at + 2 :]))
