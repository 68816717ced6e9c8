"""What a search term means: N(s), the normal form both the indexed text and the terms are put in, and the
tokens the index is built from.

N(s) is s after NFKC (full-width letters and digits become ASCII, ［］ and （） their ASCII brackets), with
every kind of bracket around a year (〔〕［］[]（）()【】) made one kind, 〔〕, and all whitespace and invisible
format characters (`INVISIBLE`) removed. So
`慈政办发〔2018〕82号`, `慈政办发[2018]82号` and `慈政办发（2018）82号` are one document number. An item is a hit
for a term exactly when N(term) is a substring of N(field) for one of its searched fields.

Tokens are overlapping character bigrams of N(field) — no word segmenter, which would lose matches across
word boundaries. A phrase of the bigrams of N(term) at consecutive positions is exactly the substring; a
one-character term is the prefix (its first character) of a bigram, so each field also ends with the
bigram of its last character and an end mark.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from itertools import compress
from operator import or_

# Invisible format characters that text copied from web pages and word processors carries between visible
# ones (soft hyphen, zero-width space and joiners, direction marks and embeddings, word joiner, BOM): N drops
# them as it drops whitespace, so "发\u200b展" is "发展", and a query pasted with a direction mark finds it.
INVISIBLE_CHARACTERS = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")
# 〔〕［］[]（）()【】 around a year; after NFKC ［］ are [] and （） are ().
_YEAR_IN_BRACKETS = re.compile(r"[〔\[(【](\d{4})[〕\])】]")
# A field boundary inside one stored text (attachments one after another): N removes whitespace, so no
# normalised term contains it, and no match runs across it.
FIELD_SEPARATOR = "\n"

# Tokens hold the normalised characters themselves, except ASCII (which FTS5's `ascii` tokenizer would split
# and fold): each ASCII character is written as a character NFKC never leaves in text — its full-width form,
# and circled numbers for the controls — so one written character is one character of a token, no two
# characters share one, and no token of text holds an ASCII character.
_ENCODE = {code: code + 0xFEE0 for code in range(0x21, 0x7F)} | {
    code: 0x2460 + i for i, code in enumerate([*range(0x21), 0x7F])
}
END_MARK = "\uff5f"  # ｟: not NFKC-stable, so never in text: the end of a field
GAP_TOKEN = "gap"  # noqa: S105 (not a secret) — ASCII, so never a token of text: no phrase runs across it


# Full-width ASCII (U+FF01–U+FF5E) and the ideographic space are what NFKC makes of them; translating them
# first leaves most Chinese text already in NFKC, which `is_normalized` tells at once (NFKC itself is slow
# on CJK text).
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


# str.translate looks every character up in the table (slow on CJK text), and a substitution calls back
# into Python for every match: the characters to change are found in one pass, then each is replaced
# throughout at once (a text holds only a few of them: ，：；（）, digits and the like).
_FULL_WIDTH_CHARACTER = re.compile("[\uff01-\uff5e\u3000]")
_TO_ASCII = {chr(code): chr(value) for code, value in _FULL_WIDTH.items()}
_ASCII_CHARACTER = re.compile("[\x00-\x7f]")
_ENCODED = {chr(code): chr(value) for code, value in _ENCODE.items()}


def _replace_each(text: str, found: list[str], table: dict[str, str]) -> str:
    for character in set(found):
        text = text.replace(character, table[character])
    return text


def normalize(text: str) -> str:
    """N(text): NFKC, brackets around a year made 〔〕, whitespace and invisible characters removed."""
    text = text or ""
    found = _FULL_WIDTH_CHARACTER.findall(text)
    if found:
        text = _replace_each(text, found, _TO_ASCII)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = "".join(text.split())
    if INVISIBLE.search(text):
        text = INVISIBLE.sub("", text)
    return (
        _YEAR_IN_BRACKETS.sub(r"〔\1〕", text)
        if "〔" in text or "[" in text or "(" in text or "【" in text
        else text
    )


def split_terms(query: str) -> list[str]:
    """The query's terms (separated by whitespace), each normalised; empty ones dropped, repeats once."""
    terms: list[str] = []
    for part in (query or "").split():
        term = normalize(part)
        if term and term not in terms:
            terms.append(term)
    return terms


def encode(normalized: str) -> str:
    """Tokens' characters: ASCII written as characters no text holds (see _ENCODE)."""
    if normalized.isascii():
        return normalized.translate(_ENCODE)
    found = _ASCII_CHARACTER.findall(normalized)
    return _replace_each(normalized, found, _ENCODED) if found else normalized


def bigrams(normalized: str) -> list[str]:
    """The tokens of one normalised field, in order: every bigram, then its last character with the end
    mark (so every character starts exactly one token)."""
    if not normalized:
        return []
    units = encode(normalized)
    tokens = list(map(str.__add__, units, units[1:]))  # twice as fast as slicing
    tokens.append(units[-1] + END_MARK)
    return tokens


def field_tokens(normalized: str) -> str:
    """One normalised text as the space-separated tokens of its fields (split at FIELD_SEPARATOR, with a
    gap token between them so that no phrase spans two fields)."""
    parts = [" ".join(bigrams(part)) for part in normalized.split(FIELD_SEPARATOR) if part]
    return f" {GAP_TOKEN} ".join(parts)


def term_tokens(term: str) -> list[str]:
    """The phrase that matches a normalised term of two or more characters (its bigrams in order), or, for
    one character, that character (the prefix of every token that starts with it)."""
    units = encode(term)
    if len(units) == 1:
        return [units]
    return [units[i : i + 2] for i in range(len(units) - 1)]


# PostgreSQL: bigrams found in most rows of government text (measured in the seeds and the corpus of real
# reports: each stands in every one of them). A term holding one — 设政府信, 流转管理, 管理办法 — may be rare
# while the bigram is in every row, and the GIN index, which keeps no positions, can then only list the rows
# holding the term's other bigrams for the text check to confirm, one by one. So the published items' index
# also keeps every four-character window of a field that holds one of these ("common grams", as Lucene's
# filter of that name does for stop words: here the bigram may stand first, in the middle or last): a term
# holding one asks for its windows, and a term of four characters holding one is decided by its window
# alone, with no text to check. About 97 more lexemes a row (a quarter more). Changing the list or the
# windows changes what a search asks for: the rows must be written again (a migration, as 0007 and 0008 do).
COMMON_BIGRAMS = frozenset(
    [
        "公开",
        "信息",
        "政府",
        "府信",
        "息公",
        "工作",
        "政务",
        "务公",
        "申请",
        "行政",
        "情况",
        "发布",
        "服务",
        "建设",
        "推进",
        "管理",
        "发展",
        "政策",
        "规范",
        "社会",
        "单位",
        "部门",
        "文件",
        "要求",
        "人民",
        "相关",
        "进行",
        "项目",
        "落实",
        "实施",
        "加强",
        "国家",
        "有关",
    ]
)

# Characters every bigram of which counts as common: 的, the most frequent character of Chinese text outside
# the domain's own words (1.3% of the seeds' characters, in every report), pairs with nearly any
# character, so its bigrams are each in many rows while a term holding it is rare (理的批复: at 1,000,000
# generated items 理的, 的批 and 批复 were together in 6,124 rows, the term in 402).
COMMON_CHARACTERS = "的"


def _grams(units: str, pairs: Sequence[str]) -> set[str]:
    """The four-character windows of one encoded field (`units`, its bigrams `pairs`) holding a common bigram
    (one of COMMON_BIGRAMS, or any holding one of COMMON_CHARACTERS)."""
    common = list(map(COMMON_BIGRAMS.__contains__, pairs))
    for character in COMMON_CHARACTERS:
        at = units.find(character)
        while at >= 0:
            if at > 0:
                common[at - 1] = True  # the bigram ending with it
            if at < len(common):
                common[at] = True  # the bigram starting with it
            at = units.find(character, at + 1)
    # Window i holds the bigrams i, i + 1 and i + 2.
    holding = map(or_, map(or_, common, common[1:]), common[2:])
    return {units[i : i + 4] for i in compress(range(len(units) - 3), holding)}


def common_grams(normalized: str) -> set[str]:
    """For PostgreSQL's index of published items: every four-character window of a normalised text holding
    a common bigram (COMMON_BIGRAMS, COMMON_CHARACTERS), within one field."""
    found: set[str] = set()
    for part in normalized.split(FIELD_SEPARATOR):
        units = encode(part)
        found |= _grams(units, list(map(str.__add__, units, units[1:])))
    return found


def term_common_grams(term: str) -> list[str]:
    """The common grams (`common_grams`) inside a normalised term: every item holding the term has them."""
    return sorted(common_grams(term))


def decided_by_lexemes(term: str) -> bool:
    """Whether the lexemes of the published items' index alone tell if an item holds the normalised term:
    one or two characters (its unigram or bigram), or four holding a common bigram (its common gram)."""
    return len(term) <= 2 or (len(term) == 4 and bool(common_grams(term)))


def lexemes(normalized: str, *, with_common_grams: bool = False) -> set[str]:
    """For PostgreSQL: the distinct unigrams and bigrams of a normalised text (positions are not kept;
    the exact substring is checked on the stored text), and its common grams if asked (the published
    items' index: one pass over each field)."""
    found: set[str] = set()
    for part in normalized.split(FIELD_SEPARATOR):
        units = encode(part)
        pairs = list(map(str.__add__, units, units[1:]))  # twice as fast as slicing
        found.update(units)
        found.update(pairs)
        if with_common_grams:
            found |= _grams(units, pairs)
    return found


def term_lexemes(term: str) -> list[str]:
    """For PostgreSQL: lexemes every item containing the normalised term has (its unigram, or its
    distinct bigrams)."""
    return sorted(set(term_tokens(term)))


def join_fields(values: Iterable[str]) -> str:
    """Several normalised texts (attachments) stored as one."""
    return FIELD_SEPARATOR.join(v for v in values if v)
