"""Writing the index: one `SearchDoc` row per published item, and the database's token index over it.

SQLite: a contentless FTS5 table `search_fts` (tokens written by `text.field_tokens`; no copy of the text
is kept there, so removing a row gives FTS5 the same tokens again, recomputed from the stored normal form).
PostgreSQL: the `tokens` tsvector of the row (the distinct unigrams, bigrams and facets), under a GIN index.

Facets are tokens too, so a filter is one more term of the index's own AND: `a<id>` the body, `s<id>` every
body above it and itself (a subtree), `c<id>` the category and those above it, `y<year>`, `v<validity>`,
`g<genre>`, `k<kind>`. They are kept with the row, as written, so a row is removed with exactly its tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection

from gongkai.search import text
from gongkai.search.models import SearchDoc

DAY_SHIFT = 40  # the id of a row: days since 1970-01-01 in the high bits, the item's id in the low ones
_EPOCH = date(1970, 1, 1)


def sort_key(published_on: date, publication_id: int) -> int:
    return ((published_on - _EPOCH).days << DAY_SHIFT) | publication_id


def day_of_key(key: int) -> int:
    return key >> DAY_SHIFT


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


def _doc(entry: Entry) -> SearchDoc:
    return SearchDoc(
        id=sort_key(entry.published_on, entry.publication_id),
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
        title=text.normalize(entry.title),
        doc_number=text.normalize(entry.doc_number),
        body=text.normalize(entry.body),
        attachments=text.join_fields(text.normalize(a) for a in entry.attachments),
    )


FACETS_SEPARATOR = " "
_COLUMNS = "id, publication_id, agency_id, agency_path, category_path, published_on, index_number, year, validity, genre, kind, title, doc_number, body, attachments, facets"


def _row(doc: SearchDoc, facets: list[str]) -> tuple[Any, ...]:
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
        doc.title,
        doc.doc_number,
        doc.body,
        doc.attachments,
        FACETS_SEPARATOR.join(facets),
    )


def _fts_values(title: str, doc_number: str, body: str, attachments: str, facets: str) -> tuple[str, ...]:
    return (
        text.field_tokens(title),
        text.field_tokens(doc_number),
        text.field_tokens(body),
        text.field_tokens(attachments),
        facets,
    )


def _pg_lexemes(doc: SearchDoc, facets: list[str]) -> list[str]:
    found: set[str] = set()
    for value in (doc.title, doc.doc_number, doc.body, doc.attachments):
        found |= text.lexemes(value)
    found.update("~" + f for f in facets)
    return sorted(found)


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


def add(entries: Iterable[Entry], *, replace: bool = True) -> int:
    """Write the items into the index (replacing their earlier rows unless `replace` is False, for items
    known to be new). Returns how many were written."""
    entries = list(entries)
    if not entries:
        return 0
    if replace:
        remove(e.publication_id for e in entries)
    docs = [(_doc(e), facets_of(e)) for e in entries]
    marks = ", ".join(["%s"] * 16)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.executemany(
                f"INSERT INTO search_searchdoc ({_COLUMNS}, tokens) VALUES ({marks}, array_to_tsvector(%s::text[]))",  # noqa: S608 (placeholders and fixed names only)
                [(*_row(doc, facets), _pg_lexemes(doc, facets)) for doc, facets in docs],
            )
        else:
            cursor.executemany(
                f"INSERT INTO search_searchdoc ({_COLUMNS}) VALUES ({marks})",  # noqa: S608 (placeholders and fixed names only)
                [_row(doc, facets) for doc, facets in docs],
            )
            cursor.executemany(
                "INSERT INTO search_fts(rowid, title, doc_number, body, attachments, facets) VALUES (%s, %s, %s, %s, %s, %s)",
                [
                    (
                        doc.id,
                        *_fts_values(doc.title, doc.doc_number, doc.body, doc.attachments, " ".join(facets)),
                    )
                    for doc, facets in docs
                ],
            )
    return len(docs)


def clear() -> None:
    """Empty the whole index (before rebuilding it)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
        cursor.execute("DELETE FROM search_searchdoc")
