"""Writing many new items at once (the import), in plain SQL: the ORM's per-field preparation costs more than
the database's own work at thousands of items a second. Ids are taken inside the caller's transaction (on
SQLite it holds the write lock from its start, `transaction_mode` IMMEDIATE; on PostgreSQL from the
table's sequence)."""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from django.db import connection
from django.utils import timezone

from gongkai.publications.models import Publication

PUBLICATION_COLUMNS = (
    "id", "agency_id", "status", "index_number", "index_year", "index_sequence", "title", "issuer", "doc_number",
    "made_on", "changed_on", "published_on", "category_id", "topic", "genre", "kind", "item", "body", "channels",
    "validity", "effective_on", "validity_changed_on", "successor_id", "interprets_id", "author_id", "imported",
    "withdrawn_at", "withdrawal_reason", "created_at", "updated_at",
)  # fmt: skip
_COLUMN_VALUES = operator.attrgetter(*PUBLICATION_COLUMNS)  # one call for the whole row
_TIMES = [
    i for i, c in enumerate(PUBLICATION_COLUMNS)
    if c.endswith("_on") or c in ("withdrawn_at", "created_at", "updated_at")
]  # fmt: skip
_CHANNELS = PUBLICATION_COLUMNS.index("channels")
EVENT_COLUMNS = ("publication_id", "kind", "actor_id", "at", "before", "after", "data", "note")


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def new_ids(table: str, count: int) -> list[int]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count]
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}")  # noqa: S608 (a fixed table name)
        first = int(cursor.fetchone()[0]) + 1
        return list(range(first, first + count))


def insert_publications(publications: Sequence[Publication]) -> None:
    """Insert new items, giving each its id."""
    if not publications:
        return
    now = timezone.now()
    for publication, pk in zip(
        publications, new_ids("publications_publication", len(publications)), strict=True
    ):
        publication.pk = pk
        publication.created_at = publication.updated_at = now
    rows = []
    for p in publications:
        row = list(_COLUMN_VALUES(p))
        for i in _TIMES:
            if row[i] is not None:
                row[i] = row[i].isoformat()
        row[_CHANNELS] = json.dumps(row[_CHANNELS], ensure_ascii=False)
        rows.append(row)
    _insert("publications_publication", PUBLICATION_COLUMNS, rows)


def insert_events(
    publications: Sequence[Publication], kind: str, after: Callable[[Publication], dict[str, Any]]
) -> None:
    """One event of `kind` for each item, by no one (the command line), with the item's state after it."""
    now = _value(timezone.now())
    rows = [
        (p.pk, kind, None, now, "{}", json.dumps(after(p), ensure_ascii=False), "{}", "")
        for p in publications
    ]
    _insert("publications_publicationevent", EVENT_COLUMNS, rows)


def _insert(table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """The rows into the table: by COPY on PostgreSQL (Django's driver binds parameters on the client, so
    each row of an INSERT would be parsed and planned anew by the server), by one prepared INSERT on
    SQLite."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)  # noqa: S608 (fixed names)
