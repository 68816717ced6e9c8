"""A year is provisional until an administrator marks its official calendar as entered."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from gongkai.workdays.calendar import DueDate, add_workdays, year_is_complete
from gongkai.workdays.services import (
    calendar_day_set,
    calendar_year_mark_complete,
    calendar_year_mark_incomplete,
)

pytestmark = pytest.mark.django_db


def test_marking_2027_complete_makes_the_same_computation_final() -> None:
    assert add_workdays(date(2026, 12, 20), 20) == DueDate(date(2027, 1, 18), provisional=True)
    calendar_day_set(date=date(2027, 1, 1), is_workday=False, name="元旦")
    calendar_year_mark_complete(year=2027)
    assert year_is_complete(2027)
    assert add_workdays(date(2026, 12, 20), 20) == DueDate(date(2027, 1, 18), provisional=False)


def test_the_holidays_entered_for_the_new_year_move_the_due_date() -> None:
    calendar_day_set(date=date(2027, 1, 1), is_workday=False, name="元旦")
    calendar_year_mark_complete(year=2027)
    assert add_workdays(date(2026, 12, 20), 20) == DueDate(date(2027, 1, 18), provisional=False)


def test_undoing_makes_it_provisional_again() -> None:
    calendar_day_set(date=date(2027, 10, 1), is_workday=False, name="国庆节")
    calendar_year_mark_complete(year=2027)
    calendar_year_mark_incomplete(year=2027)
    assert add_workdays(date(2026, 12, 20), 20).provisional


def test_a_year_of_the_package_can_be_withdrawn() -> None:
    calendar_year_mark_incomplete(year=2026)
    assert add_workdays(date(2026, 3, 2), 1) == DueDate(date(2026, 3, 3), provisional=True)


def test_a_year_without_any_weekday_holiday_entered_cannot_be_marked_complete() -> None:
    calendar_day_set(date=date(2027, 2, 20), is_workday=True, name="春节调休上班")
    with pytest.raises(ValidationError, match="还没有录入"):
        calendar_year_mark_complete(year=2027)
    assert not year_is_complete(2027)


@pytest.mark.parametrize("year", [0, 10000, "2027", True])
def test_a_year_that_is_not_a_calendar_year_is_refused(year: object) -> None:
    with pytest.raises(ValidationError, match="年度须为"):
        calendar_year_mark_complete(year=year)  # type: ignore[arg-type]
