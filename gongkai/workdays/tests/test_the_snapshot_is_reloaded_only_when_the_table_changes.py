"""The calendar is read into memory once and read again only when its version token changes."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction
from pytest_django import DjangoAssertNumQueries

from gongkai.workdays import store
from gongkai.workdays.calendar import add_workdays, current_calendar, is_workday, workdays_between
from gongkai.workdays.models import CalendarDay, CalendarVersion, CalendarYear, Source

pytestmark = pytest.mark.django_db


def test_a_warm_calculation_costs_one_query_whatever_the_number_of_dates(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    current_calendar()
    with django_assert_num_queries(1):
        add_workdays(date(2025, 1, 1), 200)
    with django_assert_num_queries(3):
        is_workday(date(2025, 10, 1))
        workdays_between(date(2004, 1, 1), date(2026, 12, 31))
        add_workdays(date(2025, 10, 1), 20)


def test_a_change_made_elsewhere_is_seen_once_the_token_changes() -> None:
    assert add_workdays(date(2025, 10, 1), 20).date == date(2025, 11, 4)
    # As another process would: a row written and the token bumped in the same transaction.
    CalendarDay.objects.create(date=date(2025, 10, 9), is_workday=False, name="临时放假", source=Source.ADMIN)
    assert add_workdays(date(2025, 10, 1), 20).date == date(2025, 11, 4)  # token unchanged: not reread
    store.bump_token()
    assert add_workdays(date(2025, 10, 1), 20).date == date(2025, 11, 5)


def test_a_rolled_back_change_is_forgotten() -> None:
    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        CalendarDay.objects.create(
            date=date(2025, 10, 9), is_workday=False, name="临时放假", source=Source.ADMIN
        )
        store.bump_token()
        assert not is_workday(date(2025, 10, 9))
        raise Abort
    assert is_workday(date(2025, 10, 9))


def test_an_emptied_table_is_seeded_again_from_the_package() -> None:
    # What a transactional test's flush leaves behind for the next test.
    CalendarVersion.objects.all().delete()
    CalendarDay.objects.all().delete()
    CalendarYear.objects.all().delete()
    assert add_workdays(date(2025, 10, 1), 20).date == date(2025, 11, 4)
    assert CalendarVersion.objects.count() == 1
    assert CalendarYear.objects.filter(year=2025, is_complete=True).exists()
