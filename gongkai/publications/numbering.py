"""索引号: "<body code>/<year>-<sequence>" ("NB-FGW/2024-00012"), one gap-free sequence per body and year of
publication, given when an item is published or imported. Unique across bodies since it carries the code."""

from __future__ import annotations

from django.db import connection, transaction
from django.db.models import F

from gongkai.agencies.models import Agency
from gongkai.publications.models import PublicationCounter


def format_index_number(agency: Agency, year: int, sequence: int) -> str:
    return f"{agency.code}/{year}-{sequence:05d}"


def reserve(*, agency: Agency, year: int, count: int = 1) -> int:
    """Take `count` consecutive sequence numbers of the body's year; returns the first. Must run inside
    the transaction that saves the items: the counter row stays locked until it commits, and a rollback
    gives the numbers back."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("reserve() must run inside transaction.atomic")
    PublicationCounter.objects.get_or_create(agency=agency, year=year)
    counter = PublicationCounter.objects.filter(agency=agency, year=year)
    # UPDATE … SET last = last + n takes the row lock before reading: concurrent publishers queue here.
    counter.update(last=F("last") + count)
    return counter.values_list("last", flat=True).get() - count + 1


def reserve_years(*, agency: Agency, counts: dict[int, int]) -> dict[int, int]:
    """`reserve` for several years at once, in one statement (an import's batch spans many years): the
    first sequence number taken in each year. The same rules: inside the saving transaction, the counter
    rows locked until it ends (an upsert locks the row it updates)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("reserve_years() must run inside transaction.atomic")
    if not counts:
        return {}
    years = sorted(counts)
    table = PublicationCounter._meta.db_table
    values = ", ".join(["(%s, %s, %s)"] * len(years))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (agency_id, year, last) VALUES {values} "  # noqa: S608 (a fixed name, placeholders)
            f"ON CONFLICT (agency_id, year) DO UPDATE SET last = {table}.last + excluded.last RETURNING year, last",
            [v for year in years for v in (agency.pk, year, counts[year])],
        )
        return {year: last - counts[year] + 1 for year, last in cursor.fetchall()}
