"""The sensitive-information guard: what must not go out without a reviewer having seen it and decided.

It looks for resident ID numbers (18 characters, the check character verified, GB 11643), mobile numbers,
bank card numbers (16–19 digits passing the Luhn check) and secrecy marks (绝密★, 机密★, 秘密★, 内部资料,
不得外传) — 《保守国家秘密法》 and 条例第十四条、第十五条: state secrets and personal data are not disclosed.
Full-width digits count as digits; an ID number may be written in groups, a mark spaced out. Each match comes with its context, for the reviewer.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from stdnum.cn import ric

CONTEXT = 24  # characters shown on each side

# Digits not preceded or followed by more digits or letters (so a match is a whole number). An ID number
# is often written in groups ("330205 19800101 123X", "330205-1980-0101-123X"): a space or a hyphen may
# stand between any two of its characters, as in a card number (the check character decides).
_ID = re.compile(r"(?<![0-9A-Za-z])[1-9](?:[ -]?\d){16}[ -]?[0-9Xx](?![0-9A-Za-z])")
_SEPARATORS = re.compile(r"[ -]")
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?![0-9])")
_CARD = re.compile(r"(?<![0-9])(?:\d[ -]?){15,18}\d(?![0-9])")
# A mark typeset with spaces between its characters ("秘　密★", "机 密 ★") is the same mark.
_SECRECY = re.compile(r"(?:绝\s*密|机\s*密|秘\s*密)\s*★|内\s*部\s*资\s*料|不\s*得\s*外\s*传")

KIND_ID, KIND_MOBILE, KIND_CARD, KIND_MARK = "id_number", "mobile", "bank_card", "secrecy_mark"


@dataclass(frozen=True)
class Match:
    kind: str
    start: int
    end: int
    text: str
    before: str
    after: str


# Full-width digits, letters, + and - as their ASCII selves: one character for one, so positions in the
# folded text are positions in the text.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_FULL_WIDTH_CHARACTER = re.compile("[\uff01-\uff5e\u3000]")
_ANY_DIGIT = re.compile("[0-9\uff10-\uff19]")


def _fold(text: str) -> str:
    return _FULL_WIDTH_CHARACTER.sub(lambda m: m.group().translate(_FULL_WIDTH), text)


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def scan(text: str) -> list[Match]:
    """Every finding in one text, in order; a number taken as an ID is not also a card or a phone."""
    if not text:
        return []
    has_digits = _ANY_DIGIT.search(text) is not None
    folded = _fold(text) if has_digits else text
    found: list[Match] = []
    # The spans taken so far, disjoint and sorted: a new span overlaps one only if it overlaps the last
    # that starts before its end (a scan over all of them made a list of 15,000 numbers take 5 seconds and
    # one of 100,000 secrecy marks hours).
    starts: list[int] = []
    ends: list[int] = []

    def add(kind: str, start: int, end: int) -> None:
        at = bisect.bisect_left(starts, end)
        if at and ends[at - 1] > start:
            return
        starts.insert(at, start)
        ends.insert(at, end)
        found.append(
            Match(
                kind=kind,
                start=start,
                end=end,
                text=text[start:end],
                before=text[max(0, start - CONTEXT) : start].replace("\n", " "),
                after=text[end : end + CONTEXT].replace("\n", " "),
            )
        )

    if has_digits:
        _scan_numbers(folded, add)
    for m in _SECRECY.finditer(folded):
        add(KIND_MARK, m.start(), m.end())
    found.sort(key=lambda match: match.start)
    return found


def _scan_numbers(folded: str, add: Callable[[str, int, int], None]) -> None:
    """ID numbers first, then card numbers that are not IDs, then mobile numbers (`add` skips overlaps)."""
    for m in _ID.finditer(folded):
        if ric.is_valid(_SEPARATORS.sub("", m.group()).upper()):
            add(KIND_ID, m.start(), m.end())
    for m in _CARD.finditer(folded):
        digits = re.sub(r"[ -]", "", m.group())
        if 16 <= len(digits) <= 19 and luhn_valid(digits) and not _is_id(digits):
            add(KIND_CARD, m.start(), m.end())
    for m in _MOBILE.finditer(folded):
        add(KIND_MOBILE, m.start(), m.end())


def _is_id(digits: str) -> bool:
    return len(digits) == 18 and ric.is_valid(digits)


def scan_fields(fields: list[tuple[str, str, str]]) -> Iterator[tuple[str, str, Match]]:
    """(source, label, text) → (source, label, match) for every finding of every field."""
    for source, label, text in fields:
        for match in scan(text):
            yield source, label, match


__all__ = ["KIND_CARD", "KIND_ID", "KIND_MARK", "KIND_MOBILE", "Match", "luhn_valid", "scan", "scan_fields"]
