"""Highlighted snippets: where the normalised terms fall in the text as written.

The text is normalised one character at a time (NFKC, whitespace and invisible characters dropped, a year's
brackets as 〔〕), with each normalised character remembering the written one it came from, so a match in the
normal form is a span of the written text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from gongkai.search.text import (
    _FULL_WIDTH,
    _FULL_WIDTH_CHARACTER,
    _YEAR_IN_BRACKETS,
    INVISIBLE_CHARACTERS,
    normalize,
)

SNIPPET = 110  # characters around the first match
# A snippet is looked for in the first SCAN characters of a text, WINDOW at a time: each window is
# normalised at C speed and only the one holding the first match is mapped character by character. Mapping
# whole texts (attachments hold up to two million characters) took a second a hit, 20 seconds a page.
SCAN = 100_000
WINDOW = 4_000


@dataclass(frozen=True)
class Part:
    text: str
    mark: bool


_DROPPED = re.compile(f"[\\s{INVISIBLE_CHARACTERS}]")  # what N removes: whitespace, invisible characters


def _dropped(ch: str) -> bool:
    return _DROPPED.match(ch) is not None


def _normal_map(text: str) -> tuple[str, Sequence[int]]:
    folded = text.translate(_FULL_WIDTH) if _FULL_WIDTH_CHARACTER.search(text) else text
    if unicodedata.is_normalized("NFKC", folded):
        # The usual case: full-width forms become ASCII one for one, and whitespace goes.
        if not _DROPPED.search(folded):
            return _YEAR_IN_BRACKETS.sub(r"〔\1〕", folded), range(len(folded))
        kept = [i for i, ch in enumerate(folded) if not _dropped(ch)]
        return _YEAR_IN_BRACKETS.sub(r"〔\1〕", "".join(folded[i] for i in kept)), kept
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if _dropped(ch):
            continue
        for out in unicodedata.normalize("NFKC", ch):
            if not _dropped(out):
                chars.append(out)
                origin.append(i)
    normal = "".join(chars)
    # The bracket rule keeps lengths: one bracket for another.
    normal = _YEAR_IN_BRACKETS.sub(r"〔\1〕", normal)
    return normal, origin


def spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Merged (start, end) spans of the written text where a term occurs."""
    if not text or not terms:
        return []
    normal, origin = _normal_map(text)
    found: list[tuple[int, int]] = []
    for term in terms:
        for m in re.finditer(re.escape(term), normal):
            found.append((origin[m.start()], origin[m.end() - 1] + 1))
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def marked(text: str, terms: list[str]) -> list[Part]:
    """The whole text in parts, the matches marked."""
    parts: list[Part] = []
    last = 0
    for start, end in spans(text, terms):
        if start > last:
            parts.append(Part(text[last:start], False))
        parts.append(Part(text[start:end], True))
        last = end
    if last < len(text):
        parts.append(Part(text[last:], False))
    return parts


def snippet(text: str, terms: list[str], size: int = SNIPPET) -> list[Part]:
    """About `size` characters around the first match (the beginning when there is none), marked."""
    text = " ".join(text[:SCAN].split())
    found = _spans_near_first(text, terms, size)
    start = max(0, found[0][0] - size // 3) if found else 0
    end = min(len(text), start + size)
    parts: list[Part] = [Part("…", False)] if start > 0 else []
    last = start
    for s, e in found:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        if s > last:
            parts.append(Part(text[last:s], False))
        parts.append(Part(text[s:e], True))
        last = e
    if last < end:
        parts.append(Part(text[last:end], False))
    if end < len(text):
        parts.append(Part("…", False))
    return parts


def _spans_near_first(text: str, terms: list[str], size: int) -> list[tuple[int, int]]:
    """The spans of `terms` in the stretch of `text` a snippet shows, from its first match on; the text is
    searched a window at a time (windows overlapping by the longest a match can be as written)."""
    if not text or not terms:
        return []
    reach = 2 * max(len(term) for term in terms) + 8
    for start in range(0, len(text), WINDOW):
        window = text[start : start + WINDOW + reach]
        normal = normalize(window)
        if not any(term in normal for term in terms):
            continue
        found = spans(window, terms)
        if not found:  # pragma: no cover - a window's normal form holds a term only where it is written
            continue
        low = max(0, start + found[0][0] - size // 3)
        return [(s + low, e + low) for s, e in spans(text[low : low + size + reach], terms)]
    return []
