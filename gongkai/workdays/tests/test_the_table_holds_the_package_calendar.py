"""The data migration stores the package's calendar as exceptions to Monday–Friday, and nothing else."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest

from gongkai.workdays.calendar import current_calendar
from gongkai.workdays.models import CalendarDay, CalendarYear, Source
from gongkai.workdays.package import package_years

pytestmark = pytest.mark.django_db


def test_every_day_the_package_covers_has_the_package_status() -> None:
    calendar = current_calendar()
    day, last = date(package_years().start, 1, 1), date(package_years().stop - 1, 12, 31)
    while day <= last:
        assert calendar.is_workday(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)


def test_the_years_covered_are_read_from_the_package() -> None:
    years = package_years()
    assert years.start == min(chinese_calendar.holidays).year
    assert years.stop - 1 == max(chinese_calendar.holidays).year
    complete = set(
        CalendarYear.objects.filter(is_complete=True, source=Source.PACKAGE).values_list("year", flat=True)
    )
    assert complete == set(years)


def test_only_exceptions_are_stored() -> None:
    rows = CalendarDay.objects.filter(source=Source.PACKAGE)
    assert rows.count() < 30 * len(package_years())
    for day, is_workday in rows.values_list("date", "is_workday"):
        assert is_workday == (day.weekday() >= 5), day


def test_the_names_are_the_official_chinese_ones() -> None:
    names = set(
        CalendarDay.objects.filter(source=Source.PACKAGE, is_workday=False).values_list("name", flat=True)
    )
    assert {"元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"} <= names
    assert all(not name.isascii() for name in names)
