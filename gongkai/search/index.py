"""Writing the index: one `SearchDoc` row per published item, and the database's token index over it.

SQLite: a contentless FTS5 table `search_fts` (tokens written by `text.field_tokens`; no copy of the text
is kept there, so removing a row gives FTS5 the same tokens again, recomputed from the stored normal form).
PostgreSQL: the `tokens` tsvector of the row (the distinct unigrams, bigrams, common grams — `text.common_grams`
— and facets), under a GIN index.

Facets are tokens too, so a filter is one more term of the index's own AND: `a<id>` the body, `s<id>` every
body above it and itself (a subtree), `c<id>` the category and those above it, `y<year>`, `v<validity>`,
`g<genre>`, `k<kind>`. They are kept with the row, as written, so a row is removed with exactly its tokens.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection, transaction

from gongkai.search import text

# The id of a row: days since 1970-01-01 in the high bits, the row's number within its day in the low ones.
# Small ids keep FTS5's doclists small (it stores the differences between the ids of a token's rows).
DAY_SHIFT = 17
EPOCH = date(1970, 1, 1)


def day_number(published_on: date) -> int:
    return (published_on - EPOCH).days


class DaySequence:
    """Hands out the next id of each day within one transaction: each day's last id is read once (all the
    days of a batch in one query), then counted on. On PostgreSQL the writers of the index take turns (an
    advisory lock until the transaction ends), so that two of them never take the same id; SQLite has one
    writer at a time anyway."""

    def __init__(self) -> None:
        self.last: dict[int, int] = {}

    def prepare(self, dates: Iterable[date]) -> None:
        days = sorted({day_number(d) for d in dates} - set(self.last))
        if not days:
            return
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
                cursor.execute(
                    "SELECT d, (SELECT max(id) FROM search_searchdoc WHERE id >= d * %s AND id < (d + 1) * %s) "
                    "FROM unnest(%s::bigint[]) AS d",
                    [1 << DAY_SHIFT, 1 << DAY_SHIFT, days],
                )
                found = dict(cursor.fetchall())
            else:
                found = {}
                for start in range(0, len(days), 300):
                    chunk = days[start : start + 300]
                    selects = ", ".join(
                        ["(SELECT max(id) FROM search_searchdoc WHERE id >= %s AND id < %s)"] * len(chunk)
                    )
                    cursor.execute(
                        f"SELECT {selects}",
                        [bound for day in chunk for bound in (day << DAY_SHIFT, (day + 1) << DAY_SHIFT)],
                    )
                    found.update(zip(chunk, cursor.fetchone(), strict=True))
        for day in days:
            last = found.get(day)
            self.last[day] = int(last) if last is not None else day << DAY_SHIFT

    def next_id(self, published_on: date) -> int:
        day = day_number(published_on)
        if day not in self.last:
            self.prepare([published_on])
        self.last[day] += 1
        return self.last[day]


_LOCK_KEY = 0x6B67_0001  # the advisory lock of the search index's ids


@dataclass(frozen=True)
class Entry:
    """What the index needs of a published item (texts as shown: plain, not normalised)."""

    publication_id: int
    agency_id: int
    agency_path: str
    ancestor_ids: Sequence[int]  # the body and every body above it
    category_ids: Sequence[int]  # the category and every one above it
    category_path: str
    published_on: date
    index_number: str
    validity: str
    genre: str
    kind: str
    title: str
    doc_number: str
    body: str
    attachments: Sequence[str]
    prepared: Prepared | None = None  # the texts already made ready (`prepare`), e.g. by the import


@dataclass(frozen=True, slots=True)
class Prepared:
    """An item's texts as the index keeps them, normalised, with their tokens: FTS5's for the four columns
    on SQLite; on PostgreSQL the distinct lexemes, as the body of their binary tsvector (`tsvector_binary`)
    and their number. Made apart from the writing (no database needed), so that an import makes them in
    another process: plain strings, which cost little to pass from one process to another."""

    title: str
    doc_number: str
    body: str
    attachments: str
    fts: tuple[str, ...] = ()
    lexemes: str = ""
    lexeme_count: int = 0
    oversized: bool = False  # PostgreSQL: more than MAX_LEXEMES; the stored text decides every term


def prepare(title: str, doc_number: str, body: str, attachments: Iterable[str], vendor: str) -> Prepared:
    """The texts of an item (as shown: plain, not normalised) ready for the index of `vendor`."""
    values = (
        text.normalize(title),
        text.normalize(doc_number),
        text.normalize(body),
        text.join_fields(text.normalize(a) for a in attachments),
    )
    if vendor == "postgresql":
        found: set[str] = set()
        for value in values:
            found |= text.lexemes(value, with_common_grams=True)
        oversized = len(found) > MAX_LEXEMES
        if oversized:
            found = {OVERSIZED}
        return Prepared(*values, lexemes=_lexeme_entries(found), lexeme_count=len(found), oversized=oversized)
    return Prepared(*values, fts=tuple(text.field_tokens(value) for value in values))


_NON_ALNUM = re.compile(r"[^0-9a-z]")


def facet(kind: str, value: object) -> str:
    """One filter as a token: a letter and the value's letters and digits (`v` + `in_force` → `vinforce`)."""
    return kind + _NON_ALNUM.sub("", str(value).lower())


def facets_of(entry: Entry) -> list[str]:
    tokens = [facet("a", entry.agency_id)]
    tokens += [facet("s", pk) for pk in entry.ancestor_ids]
    tokens += [facet("c", pk) for pk in entry.category_ids]
    tokens += [
        facet("y", entry.published_on.year),
        facet("v", entry.validity or "none"),
        facet("g", entry.genre or "none"),
        facet("k", entry.kind or "none"),
    ]
    return tokens


@dataclass(slots=True)
class _Doc:
    """A row of `SearchDoc` as it is written (a plain object: a model instance costs more to make)."""

    id: int
    publication_id: int
    agency_id: int
    agency_path: str
    category_path: str
    published_on: date
    index_number: str
    year: int
    validity: str
    genre: str
    kind: str
    text: Prepared


def _doc(entry: Entry, days: DaySequence) -> _Doc:
    return _Doc(
        id=days.next_id(entry.published_on),
        publication_id=entry.publication_id,
        agency_id=entry.agency_id,
        agency_path=entry.agency_path,
        category_path=entry.category_path,
        published_on=entry.published_on,
        index_number=entry.index_number,
        year=entry.published_on.year,
        validity=entry.validity,
        genre=entry.genre,
        kind=entry.kind,
        text=entry.prepared
        or prepare(entry.title, entry.doc_number, entry.body, entry.attachments, connection.vendor),
    )


FACETS_SEPARATOR = " "
_COLUMNS = "id, publication_id, agency_id, agency_path, category_path, published_on, index_number, year, validity, genre, kind, title, doc_number, body, attachments, facets, oversized"


def _row(doc: _Doc, facets: list[str], oversized: bool = False) -> tuple[Any, ...]:
    return (
        doc.id,
        doc.publication_id,
        doc.agency_id,
        doc.agency_path,
        doc.category_path,
        doc.published_on,
        doc.index_number,
        doc.year,
        doc.validity,
        doc.genre,
        doc.kind,
        doc.text.title,
        doc.text.doc_number,
        doc.text.body,
        doc.text.attachments,
        FACETS_SEPARATOR.join(facets),
        oversized,
    )


def _fts_values(title: str, doc_number: str, body: str, attachments: str, facets: str) -> tuple[str, ...]:
    return (
        text.field_tokens(title),
        text.field_tokens(doc_number),
        text.field_tokens(body),
        text.field_tokens(attachments),
        facets,
    )


# A tsvector holds at most 1 MB: past this many lexemes (a very long attachment) the row gets the lexeme
# OVERSIZED instead of its text's, every search reads it, and its stored text decides (engine.py).
MAX_LEXEMES = 50_000
OVERSIZED = "~oversized"


# The columns' types for a binary COPY; the tokens are sent as bytes, which the server reads as a tsvector
# (a binary COPY carries no types: each column's own input function reads its bytes).
_COPY_TYPES = [
    "bigint", "bigint", "bigint", "text", "text", "date", "text", "integer", "text", "text", "text", "text",
    "text", "text", "text", "text", "bool", "bytea",
]  # fmt: skip


def _lexeme_entries(lexemes: Collection[str]) -> str:
    """Lexemes as entries of a binary tsvector: each NUL-terminated, then its number of positions (none,
    two bytes). They must be distinct (the server sorts them, in C, but does not merge repeats) and hold
    no NUL (text.encode writes ASCII as other characters)."""
    return "\0\0\0".join(lexemes) + "\0\0\0" if lexemes else ""


def tsvector_binary(prepared: Prepared, facets: Sequence[str]) -> bytes:
    """The row's tsvector in PostgreSQL's binary form — the number of lexemes, then the entries — of its
    text's lexemes and its facets' (which no text lexeme can be: they start with ~, an ASCII character,
    and text.encode writes none)."""
    extra = ["~" + f for f in dict.fromkeys(facets)]
    count = prepared.lexeme_count + len(extra)
    return count.to_bytes(4, "big") + (prepared.lexemes + _lexeme_entries(extra)).encode()


def remove(publication_ids: Iterable[int]) -> None:
    """Take the items out of the index (withdrawn, or about to be written again)."""
    ids = list(publication_ids)
    if not ids:
        return
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join(["%s"] * len(chunk))
            if connection.vendor == "sqlite":
                cursor.execute(
                    f"SELECT id, title, doc_number, body, attachments, facets FROM search_searchdoc WHERE publication_id IN ({marks})",  # noqa: S608 (placeholders and fixed names only)
                    chunk,
                )
                old = cursor.fetchall()
                cursor.executemany(
                    "INSERT INTO search_fts(search_fts, rowid, title, doc_number, body, attachments, facets) "
                    "VALUES ('delete', %s, %s, %s, %s, %s, %s)",
                    [(row[0], *_fts_values(*row[1:])) for row in old],
                )
            cursor.execute(f"DELETE FROM search_searchdoc WHERE publication_id IN ({marks})", chunk)  # noqa: S608 (placeholders and fixed names only)


def add(entries: Iterable[Entry], *, replace: bool = True, days: DaySequence | None = None) -> int:
    """Write the items into the index (replacing their earlier rows unless `replace` is False, for items
    known to be new). Returns how many were written."""
    entries = list(entries)
    if not entries:
        return 0
    if replace:
        remove(e.publication_id for e in entries)
    days = days or DaySequence()
    days.prepare(e.published_on for e in entries)
    # FTS5 flushes its pending terms whenever a rowid is not above the last one: rows go in id order.
    docs = sorted(((_doc(e, days), facets_of(e)) for e in entries), key=lambda pair: pair[0].id)
    marks = ", ".join(["%s"] * 17)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY, binary: the tokens go as a tsvector already made (its lexemes sorted as the server
            # keeps them), so the server neither parses nor sorts them.
            with cursor.cursor.copy(
                f"COPY search_searchdoc ({_COLUMNS}, tokens) FROM STDIN (FORMAT BINARY)"
            ) as copy:
                copy.set_types(_COPY_TYPES)
                for doc, facets in docs:
                    copy.write_row(
                        (*_row(doc, facets, doc.text.oversized), tsvector_binary(doc.text, facets))
                    )
        else:
            cursor.executemany(
                f"INSERT INTO search_searchdoc ({_COLUMNS}) VALUES ({marks})",  # noqa: S608 (placeholders and fixed names only)
                [_row(doc, facets) for doc, facets in docs],
            )
            cursor.executemany(
                "INSERT INTO search_fts(rowid, title, doc_number, body, attachments, facets) VALUES (%s, %s, %s, %s, %s, %s)",
                [(doc.id, *doc.text.fts, " ".join(facets)) for doc, facets in docs],
            )
    return len(docs)


# PostgreSQL: a bulk load moves the GIN index's pending list into the index in larger, fewer steps (three
# times faster than with the default 4 MB), and flushes what is left at the end so searches do not read it.
BULK_PENDING_LIST = "64MB"
# PostgreSQL: a load of at least this many rows, and at least as many as the index holds already, builds
# the GIN index afresh at its end instead of adding to it row by row: building sorts every lexeme once
# (a third less of the server's time than the pending list's merges) and gives an index a third the size.
REBUILD_MIN_ROWS = 10_000
REBUILD_MEMORY = "256MB"  # maintenance_work_mem for the build: the entries are sorted in memory
CREATE_GIN = "CREATE INDEX IF NOT EXISTS search_doc_tokens ON search_searchdoc USING gin (tokens)"
# SQLite: during a bulk load FTS5 keeps up to 64 MB of new tokens in memory before writing them out as a
# segment, and lets 16 segments of a level pile up (64 in a crisis) before merging them: about a third less
# work per row. These are settings of the table, kept in search_fts_config: the defaults come back at the
# end, and the segments are then merged as the defaults would have merged them.
FTS_BULK = {"hashsize": 64 * 1024 * 1024, "automerge": 16, "crisismerge": 64}
FTS_DEFAULTS = {"hashsize": 1024 * 1024, "automerge": 4, "crisismerge": 16}
MERGE_PAGES = 2000  # pages written per merge step at the end of a bulk load


@dataclass
class BulkLoad:
    """What a bulk load changed, to be undone by `bulk_load_done`."""

    rebuild: bool = False  # PostgreSQL: the GIN index was dropped, to be built at the end


def _fts_settings(values: dict[str, int]) -> None:
    with connection.cursor() as cursor:
        for name, value in values.items():
            cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES (%s, %s)", [name, value])


def bulk_load_start(rows: int = 0) -> BulkLoad:
    """Before a bulk load of about `rows` items (its own transaction); `bulk_load_done` must follow, even
    after an error. On PostgreSQL a load large for the index drops the GIN index, to build it at the end:
    meanwhile searches still find exactly the same items (the planner reads the table instead, slowly),
    and other writers wait only for the build. An index a load left dropped (the process killed) is built
    by the next bulk load, whichever it is."""
    if connection.vendor == "sqlite":
        with transaction.atomic():
            _fts_settings(FTS_BULK)
        return BulkLoad()
    with transaction.atomic(), connection.cursor() as cursor:
        rebuild = False
        if rows >= REBUILD_MIN_ROWS:
            cursor.execute("SELECT count(*) FROM (SELECT 1 FROM search_searchdoc LIMIT %s) s", [rows + 1])
            rebuild = int(cursor.fetchone()[0]) <= rows
        if rebuild:
            cursor.execute("DROP INDEX IF EXISTS search_doc_tokens")
        else:
            _build_token_index(cursor)
    return BulkLoad(rebuild=rebuild)


def _build_token_index(cursor: Any) -> None:
    cursor.execute("SELECT to_regclass('search_doc_tokens') IS NULL")
    if cursor.fetchone()[0]:
        cursor.execute("SELECT set_config('maintenance_work_mem', %s, true)", [REBUILD_MEMORY])
        # Within a caller's transaction that wrote rows, their foreign keys (checked at its end) are
        # checked now: PostgreSQL builds no index over a table with such checks pending.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(CREATE_GIN)
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def bulk_load_settings() -> None:
    """For the rest of the caller's transaction (PostgreSQL only)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('gin_pending_list_limit', %s, true)", [BULK_PENDING_LIST])


def bulk_load_done(load: BulkLoad | None = None) -> None:
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            _build_token_index(cursor)
            if not (load and load.rebuild):
                cursor.execute("SELECT gin_clean_pending_list('search_doc_tokens'::regclass)")
        return
    with transaction.atomic():
        _fts_settings(FTS_DEFAULTS)
    # Merge until FTS5 finds nothing left to merge under the defaults (it then changes no row).
    raw = connection.connection
    while True:
        before = raw.total_changes
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('merge', %s)", [MERGE_PAGES])
        if raw.total_changes - before <= 1:
            return


def clear() -> None:
    """Empty the whole index (before rebuilding it)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
        cursor.execute("DELETE FROM search_searchdoc")
