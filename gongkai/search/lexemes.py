"""PostgreSQL: what the statistics say of the search index (how common each lexeme is, how many rows
there are), which of a term's bigrams are worth asking the GIN index for, and whether a common query is
counted sooner in the table's order (`engine._PostgreSQL`). The figures come from what ANALYZE keeps,
not from counting, and are read again every READ_AGAIN_AFTER seconds."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from django.db import connection

from gongkai.search import text

# A long term's bigrams in more than this many times the rows of its rarest are not read.
WORTH_READING = 5.0
READ_AGAIN_AFTER = 600.0  # seconds

# What reading costs, in µs (measured at 100,000 items): a row read in the table's order with its text
# checked; an entry of the bitmap the GIN index makes; a row visited through that bitmap; its text
# checked (terms the lexemes do not decide alone, `text.decided_by_lexemes`).
TABLE_ROW_US, INDEX_ENTRY_US, INDEX_ROW_US, CHECK_US = 1.5, 0.17, 1.2, 1.3
# A common query counted in the table's order reads at most this many times the rows that should hold
# the hits it needs (when it finds fewer, the statistics misled and the index answers).
WALK_BOUND = 2.0


@dataclass(frozen=True)
class Statistics:
    """The share of rows holding each of the most common lexemes (`most_common_elems` of the tokens),
    the smallest share listed (every lexeme not listed is rarer), and the rows of the table. Empty
    before the table is first analysed."""

    frequency: dict[str, float] = field(default_factory=dict)
    floor: float = 0.0
    rows: float = 0.0


_read: tuple[float, Statistics] = (0.0, Statistics())


def statistics() -> Statistics:
    global _read
    read_at, known = _read
    now = time.monotonic()
    if read_at and now - read_at < READ_AGAIN_AFTER:
        return known
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples FROM pg_class c "
            "LEFT JOIN pg_stats s ON s.tablename = c.relname AND s.attname = 'tokens' "
            "AND s.schemaname = current_schema() WHERE c.oid = 'search_searchdoc'::regclass"
        )
        row = cursor.fetchone()
    # The shares end with the minimum and maximum share and that of empty values (pg_stats): zip stops
    # at the lexemes.
    frequency = dict(zip(row[0], row[1], strict=False)) if row and row[0] else {}
    known = Statistics(frequency, min(frequency.values()) if frequency else 0.0, max(float(row[2]), 0.0))
    _read = (now, known)
    return known


def term_lexemes(term: str) -> list[str]:
    """The lexemes of the published items' index that every item holding the normalised term has: its
    unigram, or its distinct bigrams and common grams (`text.common_grams`)."""
    return text.term_lexemes(term) + text.term_common_grams(term)


def worth_reading(term: str, known: Statistics) -> list[str]:
    """Of a long term's lexemes (every item holding the term has them all), those worth asking the GIN
    index for. A term the lexemes decide (four characters holding a common bigram,
    `text.decided_by_lexemes`) asks for its common gram alone: as rare as the term, it lists exactly its
    hits, and each more lexeme would only cost its posting list; so `流转管理` reads `流转管理`, not `流转`,
    `转管` and `管理`. Another asks for its common grams, always, whatever the statistics say of them (each
    is as rare as the term or rarer: `建设政府信息` reads `建设政府`, `设政府信` and `政府信息`), the rarest of
    its lexemes, and every other in at most WORTH_READING times as many rows. Each candidate row the
    index lets through costs a heap visit and its text's check (about 2.5 µs at 100,000 items), each
    entry of a posting list read beside the rarest about 10 ns, so a bigram a few times as common as the
    rarest still rules out more than it costs, while one in most rows (`政府`, `申请`, the `20` of a year)
    costs and rules out next to nothing. So `流转审批` reads `转审` and `流转`, not `审批`;
    `甬人社发〔2022〕16号` reads its prefix and the `16` and `2〕` of its number, not `20`. Before the table
    is first analysed no share is known, and every lexeme is read."""
    grams = text.term_common_grams(term)
    if grams and text.decided_by_lexemes(term):
        return grams
    shares = {lexeme: known.frequency.get(lexeme, 0.0) for lexeme in text.term_lexemes(term) + grams}
    if not shares:
        return []
    bound = WORTH_READING * max(min(shares.values()), known.floor)
    return [lexeme for lexeme, share in shares.items() if share <= bound or lexeme in grams]


def estimated_share(terms: list[str], known: Statistics) -> float:
    """About what share of the rows holds every term: each term is in at most as many rows as its
    rarest lexeme, and the terms are taken as independent. A term with a lexeme the statistics do not
    list counts as rare (0), so does every term before the table is first analysed."""
    share = 1.0
    for term in terms:
        share *= min((known.frequency.get(lexeme, 0.0) for lexeme in term_lexemes(term)), default=0.0)
    return share if terms else 0.0


def rows_to_read_in_table_order(terms: list[str], known: Statistics, hits_needed: int) -> int:
    """How many rows to read in the table's order for `hits_needed` hits, when that is sooner than
    through the GIN index, else 0. In the table's order the hits come after about hits_needed / share
    rows, each read and checked; the index first lists every row holding the lexemes, then visits (and
    checks the text of) at least hits_needed of them. At 100,000 rows only a long term in more than
    about half the rows is sooner read in order; at 1,000,000, where the index's list is ten times
    longer, from about a quarter. The reading is bounded to WALK_BOUND times the rows expected."""
    share = estimated_share(terms, known)
    if share <= 0.0:
        return 0
    check = 0.0 if all(text.decided_by_lexemes(term) for term in terms) else CHECK_US
    in_table_order = hits_needed / share * TABLE_ROW_US
    through_index = known.rows * share * INDEX_ENTRY_US + hits_needed * (INDEX_ROW_US + check)
    return int(WALK_BOUND * hits_needed / share) if in_table_order < through_index else 0


def sooner_in_table_order(terms: list[str], known: Statistics, hits_needed: int) -> bool:
    return rows_to_read_in_table_order(terms, known, hits_needed) > 0
