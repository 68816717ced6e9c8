"""PostgreSQL: how common each lexeme of the search index is, and which of a term's bigrams are worth
asking the GIN index for (`engine._PostgreSQL`). The shares come from the statistics ANALYZE keeps of
the tokens column, not from counting."""

from __future__ import annotations

import time

from django.db import connection

from gongkai.search import text

# PostgreSQL: a long term's bigrams in more than this many times the rows of its rarest are not read.
WORTH_READING = 5.0
FREQUENCIES_FOR = 600.0  # seconds the lexemes' frequencies are read from the statistics for
_frequencies: tuple[float, dict[str, float], float] = (0.0, {}, 0.0)


def worth_reading(term: str, frequency: dict[str, float], floor: float) -> list[str]:
    """Of a long term's bigrams (every item holding the term has them all), those worth asking the GIN
    index for: the rarest, and every other in at most WORTH_READING times as many rows. Each candidate
    row the index lets through costs a heap visit and its text's check (about 1.8 µs at 100,000
    items), each entry of a posting list read beside the rarest about 10 ns, so a bigram a few times
    as common as the rarest still rules out more than it costs, while one in most rows (`政府`, `申请`,
    the `20` of a year) costs and rules out next to nothing. A bigram the statistics do not list is in
    fewer than `floor` of the rows. So `设政府信` reads `设政` alone, not `政府` and `府信`, which every
    row holds; `开申请的` reads `请的` and `开申`, not `申请`; `甬人社发〔2022〕16号` reads its prefix and
    the `16` and `2〕` of its number, not `20`."""
    shares = {lexeme: frequency.get(lexeme, 0.0) for lexeme in text.term_lexemes(term)}
    if not shares:
        return []
    bound = WORTH_READING * max(min(shares.values()), floor)
    return [lexeme for lexeme, share in shares.items() if share <= bound]


def lexeme_frequencies() -> tuple[dict[str, float], float]:
    """The share of rows holding each of the most common lexemes, from the statistics ANALYZE keeps
    (`most_common_elems` of the tokens), and the smallest share listed (every lexeme not listed is
    rarer), read again every FREQUENCIES_FOR seconds; empty before the table is first analysed (every
    lexeme is then kept)."""
    global _frequencies
    read_at, frequencies, floor = _frequencies
    now = time.monotonic()
    if now - read_at < FREQUENCIES_FOR and read_at:
        return frequencies, floor
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
            "WHERE tablename = 'search_searchdoc' AND attname = 'tokens' AND schemaname = current_schema()"
        )
        row = cursor.fetchone()
    frequencies = dict(zip(row[0], row[1], strict=False)) if row and row[0] else {}
    # The array ends with the minimum and maximum frequency and that of empty values (pg_stats).
    floor = min(frequencies.values()) if frequencies else 0.0
    _frequencies = (now, frequencies, floor)
    return frequencies, floor


def estimated_share(terms: list[str]) -> float:
    """About what share of the rows holds every term: each term is in at most as many rows as its
    rarest lexeme, and the terms are taken as independent. A term with a lexeme the statistics do not
    list counts as rare (0), so does every term before the table is first analysed."""
    frequency, _ = lexeme_frequencies()
    share = 1.0
    for term in terms:
        share *= min((frequency.get(lexeme, 0.0) for lexeme in text.term_lexemes(term)), default=0.0)
    return share if terms else 0.0
