"""What a search term means: N(s), the normal form both the indexed text and the terms are put in, and the
tokens the index is built from.

N(s) is s after NFKC (full-width letters and digits become ASCII, ［］ and （） their ASCII brackets), with
every kind of bracket around a year (〔〕［］[]（）()【】) made one kind, 〔〕, and all whitespace removed. So
`慈政办发〔2018〕82号`, `慈政办发[2018]82号` and `慈政办发（2018）82号` are one document number. An item is a hit
for a term exactly when N(term) is a substring of N(field) for one of its searched fields.

Tokens are overlapping character bigrams of N(field) — no word segmenter, which would lose matches across
word boundaries. A phrase of the bigrams of N(term) at consecutive positions is exactly the substring; a
one-character term is the prefix (its first character) of a bigram, so each field also ends with the
bigram of its last character and an end mark. Each character is written as four base-36 digits so the
tokens pass any tokenizer unchanged (SQLite's `ascii`, PostgreSQL's lexemes): a bigram is 8 characters.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from functools import cache

# 〔〕［］[]（）()【】 around a year; after NFKC ［］ are [] and （） are ().
_YEAR_IN_BRACKETS = re.compile(r"[〔\[(【](\d{4})[〕\])】]")
_WHITESPACE = re.compile(r"\s+")
# A field boundary inside one stored text (attachments one after another): N removes whitespace, so no
# normalised term contains it, and no match runs across it.
FIELD_SEPARATOR = "\n"

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
CHAR_WIDTH = 4  # 36**4 = 1,679,616 > 0x10FFFF: every code point in four digits
END_MARK = "zzzz"  # above every code point: the end of a field
GAP_TOKEN = "gap"  # noqa: S105 (not a secret) — between two attachments in one column: never a query token, so phrases stop there


def normalize(text: str) -> str:
    """N(text): NFKC, brackets around a year made 〔〕, whitespace removed."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _WHITESPACE.sub("", text)
    return _YEAR_IN_BRACKETS.sub(r"〔\1〕", text)


def split_terms(query: str) -> list[str]:
    """The query's terms (separated by whitespace), each normalised; empty ones dropped, repeats once."""
    terms: list[str] = []
    for part in (query or "").split():
        term = normalize(part)
        if term and term not in terms:
            terms.append(term)
    return terms


@cache
def char_code(ch: str) -> str:
    n = ord(ch)
    digits = []
    for _ in range(CHAR_WIDTH):
        n, r = divmod(n, 36)
        digits.append(_DIGITS[r])
    return "".join(reversed(digits))


def bigrams(normalized: str) -> list[str]:
    """The tokens of one normalised field, in order: every bigram, then its last character with the end
    mark (so every character starts exactly one token)."""
    if not normalized:
        return []
    codes = [char_code(ch) for ch in normalized]
    tokens = [a + b for a, b in itertools.pairwise(codes)]
    tokens.append(codes[-1] + END_MARK)
    return tokens


def field_tokens(normalized: str) -> str:
    """One normalised text as the space-separated tokens of its fields (split at FIELD_SEPARATOR, with a
    gap token between them so that no phrase spans two fields)."""
    parts = [" ".join(bigrams(part)) for part in normalized.split(FIELD_SEPARATOR) if part]
    return f" {GAP_TOKEN} ".join(parts)


def term_tokens(term: str) -> list[str]:
    """The phrase that matches a normalised term of two or more characters (its bigrams in order), or, for
    one character, its four-digit code (a prefix of every token that starts with it)."""
    if len(term) == 1:
        return [char_code(term)]
    codes = [char_code(ch) for ch in term]
    return [a + b for a, b in itertools.pairwise(codes)]


def lexemes(normalized: str) -> set[str]:
    """For PostgreSQL: the distinct unigrams and bigrams of a normalised text (positions are not kept;
    the exact substring is checked on the stored text)."""
    found: set[str] = set()
    for part in normalized.split(FIELD_SEPARATOR):
        codes = [char_code(ch) for ch in part]
        found.update(codes)
        found.update(a + b for a, b in itertools.pairwise(codes))
    return found


def term_lexemes(term: str) -> list[str]:
    """For PostgreSQL: lexemes every item containing the normalised term has (its unigram, or its
    distinct bigrams)."""
    if len(term) == 1:
        return [char_code(term)]
    return sorted(set(term_tokens(term)))


def join_fields(values: Iterable[str]) -> str:
    """Several normalised texts (attachments) stored as one."""
    return FIELD_SEPARATOR.join(v for v in values if v)


def contains(haystack_normalized: str, term: str) -> bool:
    """The definition itself: for tests and for checking a candidate."""
    return term in haystack_normalized
