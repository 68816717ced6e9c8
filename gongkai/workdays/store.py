"""Reading the calendar table into memory, and the version token that says when to read it again.

The table is read once per process and again only when the token in `CalendarVersion` has changed, so
a report over 100,000 applications costs one cheap query per calculation, never one per date.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction

VERSION_PK = 1


@dataclass(frozen=True, slots=True)
class DayEntry:
    """The effective status of one day that has an entry in the table."""

    date: datetime.date
    is_workday: bool
    name: str
    source: str


@dataclass(frozen=True, slots=True)
class TableSnapshot:
    token: str
    days: dict[datetime.date, DayEntry]
    complete_years: frozenset[int]


def read_token() -> str | None:
    """The current version token: one primary-key read, without the ORM's overhead."""
    from gongkai.workdays.models import CalendarVersion

    table = connection.ops.quote_name(CalendarVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token FROM {table} WHERE id = %s", [VERSION_PK])  # noqa: S608 (our own table)
        row = cursor.fetchone()
    return str(row[0]) if row else None


def bump_token() -> str:
    """Mark the calendar as changed; every process reloads on its next calculation."""
    from gongkai.workdays.models import CalendarVersion

    token = uuid.uuid4().hex
    CalendarVersion.objects.update_or_create(pk=VERSION_PK, defaults={"token": token})
    return token


def read_table() -> TableSnapshot:
    """The whole table, the administrator's entries winning over the package's."""
    from gongkai.workdays.models import CalendarDay, CalendarYear, Source

    token = read_token()
    if token is None:
        token = seed_after_flush()
    days: dict[datetime.date, DayEntry] = {}
    rows = CalendarDay.objects.values_list("date", "is_workday", "name", "source")
    for date, is_workday, name, source in rows:
        if source == Source.PACKAGE and date in days:
            continue
        days[date] = DayEntry(date=date, is_workday=is_workday, name=name, source=source)
    complete = frozenset(CalendarYear.objects.filter(is_complete=True).values_list("year", flat=True))
    return TableSnapshot(token=token, days=days, complete_years=complete)


def load_package() -> range:
    """Replace the package's rows with the installed `chinesecalendar`'s data and mark the years it covers
    complete, unless an administrator has decided otherwise for a year. Returns the years covered."""
    from gongkai.workdays.models import CalendarDay, CalendarYear, Source
    from gongkai.workdays.package import package_exceptions, package_years

    years = package_years()
    CalendarDay.objects.filter(source=Source.PACKAGE).delete()
    CalendarDay.objects.bulk_create(
        CalendarDay(date=day.date, is_workday=day.is_workday, name=day.name, source=Source.PACKAGE)
        for year in years
        for day in package_exceptions(year)
    )
    existing = set(CalendarYear.objects.filter(year__in=years).values_list("year", flat=True))
    CalendarYear.objects.bulk_create(
        CalendarYear(year=year, is_complete=True, source=Source.PACKAGE)
        for year in years
        if year not in existing
    )
    package_rows = CalendarYear.objects.filter(source=Source.PACKAGE)
    package_rows.filter(year__in=years).update(is_complete=True)
    # A year the package no longer covers has lost its package rows: it is no longer known to be complete.
    package_rows.exclude(year__in=years).update(is_complete=False)
    return years


def seed_after_flush() -> str:
    """The version row is written together with the package's data by the data migration; when it is
    missing, the tables were emptied (as a test database is after a transactional test): seed them again."""
    try:
        with transaction.atomic():
            load_package()
            return bump_token()
    except IntegrityError:
        # Another process seeded at the same moment.
        token = read_token()
        if token is None:
            raise
        return token
