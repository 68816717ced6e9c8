"""Highlighted snippets: where the normalised terms fall in the text as written.

The text is normalised one character at a time (NFKC, whitespace dropped, a year's brackets as 〔〕), with
each normalised character remembering the written one it came from, so a match in the normal form is a
span of the written text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from gongkai.search.text import _FULL_WIDTH, _FULL_WIDTH_CHARACTER, _YEAR_IN_BRACKETS

SNIPPET = 110  # characters around the first match


@dataclass(frozen=True)
class Part:
    text: str
    mark: bool


_SPACE = re.compile(r"\s")


def _normal_map(text: str) -> tuple[str, Sequence[int]]:
    folded = text.translate(_FULL_WIDTH) if _FULL_WIDTH_CHARACTER.search(text) else text
    if unicodedata.is_normalized("NFKC", folded):
        # The usual case: full-width forms become ASCII one for one, and whitespace goes.
        if not _SPACE.search(folded):
            return _YEAR_IN_BRACKETS.sub(r"〔\1〕", folded), range(len(folded))
        kept = [i for i, ch in enumerate(folded) if not ch.isspace()]
        return _YEAR_IN_BRACKETS.sub(r"〔\1〕", "".join(folded[i] for i in kept)), kept
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        for out in unicodedata.normalize("NFKC", ch):
            if not out.isspace():
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
    text = " ".join(text.split())
    found = spans(text, terms)
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
