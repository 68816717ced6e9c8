"""Normalising the wording of published reports: widths, spaces, numbering, figures.

Published reports print the same label in many ways (full- or half-width brackets and digits,
ideographic spaces, "一、" / "（一）" / "1." / "1．" numbering). Labels are compared after
`normalise` and `strip_numbering`; cell figures are read with `parse_figure`.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from gongkai.reports.audit.model import Number

_SPACES = re.compile(r"\s+")
# Quotes and decorative marks that reports add or drop around the same words.
_DROPPED = str.maketrans("", "", "“”‘’\"'「」『』《》〈〉")

_CN_NUMERAL = "一二三四五六七八九十"

# A leading number: 一、 二. （三） (4) 5. 6、 ⑺ … (after NFKC: full-width forms are ASCII).
NUMBERING = re.compile(
    rf"^(?:[{_CN_NUMERAL}]+\s*[、.,]"
    rf"|\(\s*[{_CN_NUMERAL}\d]+\s*\)"
    r"|\d{1,2}\s*[、.,](?!\d)"
    r"|\d{1,2}\s+(?=\D)"
    r"|其中\s*:?)\s*"
)


def normalise(text: str) -> str:
    """Half-width forms, no spaces, no quotes: the form in which labels are compared."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return squeeze(text)


def squeeze(text: str) -> str:
    """`normalise` of a text already in half-width forms (NFKC): no spaces, no quotes."""
    return _SPACES.sub("", text).translate(_DROPPED)


def strip_numbering(label: str) -> str:
    """The label without its leading numbers (repeatedly: "三、(一)予以公开" → "予以公开")."""
    while True:
        stripped = NUMBERING.sub("", label, count=1)
        if stripped == label:
            return label
        label = stripped


def numbering_segments(label: str) -> list[str]:
    """A label in which several cells ran together, cut where a new number starts.

    "三、本年度办理结果(一)予以公开" → ["三、本年度办理结果", "(一)予以公开"].
    """
    cuts = [0]
    for match in _INNER_NUMBER.finditer(label):
        if match.start() > 0:
            cuts.append(match.start())
    cuts.append(len(label))
    return [label[a:b] for a, b in itertools.pairwise(cuts) if label[a:b]]


_INNER_NUMBER = re.compile(rf"(?:[{_CN_NUMERAL}]+、|\([{_CN_NUMERAL}]+\)|(?<![\d.])\d{{1,2}}\.(?!\d))")


_CN_DIGIT_VALUES = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def chinese_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 二〇二三 → 2023 (digit by digit when there is no 十), or None."""
    if text.isascii() and text.isdigit():
        return int(text)
    if not text:
        return None
    if "十" in text:
        head, _, tail = text.partition("十")
        tens = 1 if not head else _CN_DIGIT_VALUES.get(head)
        ones = 0 if not tail else _CN_DIGIT_VALUES.get(tail)
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    value = 0
    for char in text:
        digit = _CN_DIGIT_VALUES.get(char)
        if digit is None:
            return None
        value = value * 10 + digit
    return value


def leading_ordinal(line: str) -> int | None:
    """The number a heading starts with ("三、" → 3, "4、" → 4), or None."""
    match = _ORDINAL.match(line)
    if not match:
        return None
    token = match.group(1)
    return int(token) if token.isdigit() else chinese_number(token)


_ORDINAL = re.compile(rf"^\s*([{_CN_NUMERAL}]{{1,3}}|\d{{1,2}})\s*[、.．](?!\d)")


# Marks printed in a cell that means "no figure": blank, not zero.
_BLANK_MARKS = frozenset({"", "-", "--", "—", "——", "–", "/", "\\", "无", "空", "——/", "/——"})
_FIGURE = re.compile(r"^([+-]?)(\d+(?:\.\d+)?)(万元|亿元|元|万|件|条|个|次|篇|人次|人|项|%)?$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class Figure:
    """A cell as printed: its number (None when blank or unreadable) and the unit printed with it."""

    value: Number | None
    readable: bool = True
    unit: str | None = None


BLANK = Figure(None)


def parse_figure(text: str) -> Figure:
    """Read one cell. A blank cell (or a dash) is None, never 0; text that is no number is unreadable."""
    compact = _SPACES.sub("", unicodedata.normalize("NFKC", text))
    if compact in _BLANK_MARKS:
        return BLANK
    if _THOUSANDS.match(compact):
        compact = compact.replace(",", "")
    match = _FIGURE.match(compact)
    if not match:
        return Figure(None, readable=False)
    sign, digits, unit = match.groups()
    value: Number
    if "." in digits:
        try:
            value = Decimal(digits)
        except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
            return Figure(None, readable=False)
    else:
        value = int(digits)
    if sign == "-":
        value = -value
    return Figure(value, unit=unit)
