"""`workdays_between(start, end)`: the working days after `start` up to and including `end`."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.workdays.calendar import add_workdays, current_calendar, workdays_between

pytestmark = pytest.mark.django_db


def test_the_national_day_week_has_three_working_days_around_it() -> None:
    # 09-28 (worked Sunday), 09-29, 09-30; then nothing until 10-09, 10-10 and the worked Saturday 10-11.
    assert workdays_between(date(2025, 9, 27), date(2025, 10, 11)) == 6


def test_it_is_zero_when_the_end_is_not_after_the_start() -> None:
    assert workdays_between(date(2025, 3, 3), date(2025, 3, 3)) == 0
    assert workdays_between(date(2025, 3, 4), date(2025, 3, 3)) == 0


def test_it_inverts_add_workdays() -> None:
    start = date(2025, 10, 1)
    assert workdays_between(start, add_workdays(start, 20).date) == 20


def test_every_year_of_the_package_has_the_number_of_working_days_the_package_gives() -> None:
    calendar = current_calendar()
    for year in range(2004, 2027):
        expected = len(chinese_calendar.get_workdays(date(year, 1, 1), date(year, 12, 31)))
        assert calendar.workdays_in_year(year) == expected, year
    assert calendar.workdays_in_year(2025) == 248


def test_it_agrees_with_counting_day_by_day() -> None:
    calendar = current_calendar()

    @settings(max_examples=300, deadline=None)
    @given(st.dates(date(2003, 6, 1), date(2028, 6, 1)), st.integers(min_value=-3, max_value=900))
    def check(start: date, length: int) -> None:
        end = start + timedelta(days=length)
        by_day = sum(1 for i in range(1, length + 1) if calendar.is_workday(start + timedelta(days=i)))
        assert calendar.workdays_between(start, end) == by_day

    check()
