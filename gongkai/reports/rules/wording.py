"""The wording: `regulation_name` (the 条例 cited by a wrong name) and `typo` (a word typed twice,
a paragraph number skipped).
"""

from __future__ import annotations

import re
from functools import cache

from gongkai.reports.audit.model import Finding
from gongkai.reports.audit.text import chinese_number, normalise, strip_numbering
from gongkai.reports.formats import spec
from gongkai.reports.rules.common import Check

REGULATION = "政府信息公开条例"
FULL_NAME = "《中华人民共和国政府信息公开条例》"
# A 《…条例》 about 公开, national (no place in front): the 条例 of 国务院令第711号 (2019) and 第492号
# (2007) are both 《中华人民共和国政府信息公开条例》, short 《政府信息公开条例》 or 《条例》.
_CITATION = re.compile(r"《(中华人民共和国)?([^《》]{0,12}公开[^《》]{0,4}条[例列理])》")


def check_regulation_name(check: Check) -> list[Finding]:
    wrong: dict[str, list[int]] = {}
    for number, text in check.prose():
        for match in _CITATION.finditer(text):
            if match.group(2) != REGULATION:
                wrong.setdefault(match.group(0), []).append(number)
    if not wrong:
        return []
    names = "、".join(wrong)
    lines = [n for numbers in wrong.values() for n in numbers]
    message = f"引用的法规名称有误：{names}，应为{FULL_NAME}（可简称《条例》）"
    return [check.finding("regulation_name", message, evidence=check.line_evidence(lines))]


# A word of two or more characters written twice in a row ("申请申请"). Single characters are left
# alone: 常常、人人、一一 are words, and 部门门户 is two words that share a character.
_DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,6})\1")
_PARAGRAPH_NUMBER = re.compile(r"^\s*[（(]([一二三四五六七八九十]{1,3})[）)]")
# A web page's breadcrumb ("当前位置：首页政务公开政府信息公开政府信息公开年报"), copied with the report:
# its column names run together and repeat words by nature. It ends at the first space or sentence mark.
_BREADCRUMB = re.compile(r"(?:当前位置|您的位置|您现在的位置|现在的位置|所在位置)[：:]\s*[^\s。；]{0,80}")


def check_typos(check: Check) -> list[Finding]:
    findings: list[Finding] = []
    text = "\n".join(t for _, t in check.prose())
    for number, line in check.prose():
        crumbs = [crumb.span() for crumb in _BREADCRUMB.finditer(line)]
        for match in _DOUBLED.finditer(line):
            if (
                _two_words(text, line, match)
                or _straddles_a_patterned_word(line, match)
                or any(a <= match.start() < b for a, b in crumbs)
            ):
                continue
            findings.append(
                check.finding(
                    "typo",
                    f"“{match.group(0)}”疑为重复录入，应为“{match.group(1)}”",
                    evidence=check.line_evidence([number]),
                )
            )
    for number, line in check.prose():
        crumbs = [crumb.span() for crumb in _BREADCRUMB.finditer(line)]
        for start, size in repeated_phrases(line):
            phrase = line[start : start + size]
            if _table_labels_only(phrase) or "、" in phrase or any(a <= start < b for a, b in crumbs):
                # A table's headings as a copied page runs them together ("结果维持结果纠正…"); a list's
                # items repeat across their enumeration comma ("部分公开1件、不予公开1件、不予处理1件").
                continue
            findings.append(
                check.finding(
                    "typo",
                    f"“{phrase.strip()}”连续出现两次，疑为重复录入",
                    evidence=check.line_evidence([number]),
                )
            )
    findings += _skipped_numbers(check)
    return findings


# A phrase written twice in a row ("聚焦新中国成立 70 周年平潭专场新闻发布会聚焦新中国成立 70 周年…"): at
# least this many characters (shorter words doubled are `_DOUBLED`'s), at most this many (a
# paragraph pasted twice is `repeated_text`'s business), with this many Chinese characters in it
# (not a run of figures or marks).
PHRASE_SHORTEST = 7
PHRASE_LONGEST = 120
PHRASE_HAN = 4


def repeated_phrases(line: str) -> list[tuple[int, int]]:
    """(start, length) of each phrase that the line writes twice in a row, in one pass over the
    line: each run of PHRASE_SHORTEST characters is looked up where it last occurred, and when that
    was a phrase's length before, the phrase is compared with what follows it. Linear in the line
    (a look-up per character, a comparison of at most PHRASE_LONGEST characters), with no
    regular expression to backtrack."""
    k = PHRASE_SHORTEST
    last: dict[str, int] = {}
    found: list[tuple[int, int]] = []
    after = 0  # a repeat found is not found again inside itself
    for j in range(len(line) - k + 1):
        gram = line[j : j + k]
        previous = last.get(gram)
        last[gram] = j
        if previous is None or j < after:
            continue
        size = j - previous
        if k <= size <= PHRASE_LONGEST and line[previous:j] == line[j : j + size]:
            phrase = line[previous:j]
            if sum(1 for ch in phrase if "\u4e00" <= ch <= "\u9fff") >= PHRASE_HAN:
                found.append((previous, size))
            after = j + size
    return found


def _two_words(text: str, line: str, match: re.Match[str]) -> bool:
    """True when the doubling is where two words meet, each used elsewhere in the report.

    "区政府政府信息公开" is 区政府 + 政府信息: both occur again in the text. "申请申请172件" is not.
    """
    word = match.group(1)
    before = line[match.start() - 1 : match.start()]
    after = line[match.end() : match.end() + 2]
    if not before or len(after) < 2:
        return False
    return text.count(before + word) >= 2 and text.count(word + after) >= 2


# A four-character A-B-A-C expression frames two parallel dimensions (B, C: time, place, degree,
# level, kind …) by one character A: 适时适地、适时适度、因时因地、随时随地、各级各类、一心一意、
# 全心全意、无时无刻、分级分类、逐条逐项、各家各户、各行各业.
_ABAC_FRAMES = frozenset("适因随各一全无分逐每")
_ABAC_DIMENSIONS = frozenset("时地度处刻级类层心意家户行业条项事人年月日")
# An A-B-A expression: one point, a link, the same point again: 一对一、点对点、心连心、手拉手、肩并肩、背靠背.
_ABA_POINTS = frozenset("一点心手肩背户")
_ABA_LINKS = frozenset("对连拉并靠帮")


def _straddles_a_patterned_word(line: str, match: re.Match[str]) -> bool:
    """True when a two-character word seen twice ("时适时适") is only where an A-B-A-C or A-B-A
    expression meets the words beside it, not a word typed twice.

    "同时适时适地" is 同时 + 适时适地: the 时 of 同时 and the 适时适 of the expression read as 时适
    twice. "一对一对接" is 一对一 + 对接. "部分部分公开" and "健全健全制度" are typos: 分部分公 and
    全健全制 are no such expression.
    """
    word = match.group(1)
    if len(word) != 2:
        return False
    a, b = word[0], word[1]
    c = line[match.end() : match.end() + 1]
    # x·a | b·a·b·c: the expression b a b c (适时适地) after a word that ends in a (同时).
    if b in _ABAC_FRAMES and a in _ABAC_DIMENSIONS and c in _ABAC_DIMENSIONS and c != a:
        return True
    # a·b·a | b·c: the expression a b a (一对一) before a word that starts with b (对接).
    return a in _ABA_POINTS and b in _ABA_LINKS and _is_han(c)


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _skipped_numbers(check: Check) -> list[Finding]:
    """Paragraphs numbered （一）（二）… that jump a number, as "（七）" followed by "（九）"."""
    findings: list[Finding] = []
    last: tuple[int, int] | None = None  # (number, line)
    for number, line in check.prose():
        match = _PARAGRAPH_NUMBER.match(line)
        if not match:
            if re.match(r"^\s*[一二三四五六七八九十]+、", line):
                last = None  # a new section starts its own numbering
            continue
        value = chinese_number(match.group(1))
        if value is None:
            continue
        if last is not None and value > last[0] + 1:
            missing = "、".join(f"（{_cn(n)}）" for n in range(last[0] + 1, value))
            findings.append(
                check.finding(
                    "typo",
                    f"段落序号由（{_cn(last[0])}）跳至（{_cn(value)}），缺少{missing}",
                    evidence=check.line_evidence([last[1], number]),
                )
            )
        last = (value, number)
    return findings


def _cn(value: int) -> str:
    digits = "零一二三四五六七八九"
    if value < 10:
        return digits[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


@cache
def _table_labels() -> tuple[str, ...]:
    """The row and column labels of every format's tables, longest first, as compared."""
    labels: set[str] = set()
    for fmt in spec()["formats"].values():
        for table in fmt.get("tables", {}).values():
            if isinstance(table, dict):
                _collect_labels(table.get("columns"), labels)
                _collect_labels(table.get("rows"), labels)
        _collect_labels(fmt.get("keys"), labels)
    return tuple(sorted(labels, key=len, reverse=True))


def _collect_labels(value: object, labels: set[str]) -> None:
    """Into `labels`, every label (string of two characters or more) in a part of the spec, as compared."""
    if isinstance(value, str):
        label = normalise(strip_numbering(value))
        if len(label) >= 2:
            labels.add(label)
    elif isinstance(value, dict):
        for item in value.values():
            _collect_labels(item, labels)
    elif isinstance(value, list):
        for item in value:
            _collect_labels(item, labels)


def _table_labels_only(phrase: str) -> bool:
    """Whether a phrase is made of the tables' labels (a heading row printed twice is the table's)."""
    rest = normalise(phrase)
    for label in _table_labels():
        if label in rest:
            rest = rest.replace(label, "")
    return len(rest) * 4 <= len(normalise(phrase))
