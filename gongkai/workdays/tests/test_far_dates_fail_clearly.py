"""The calculation never crashes at the edge of the calendar, and refuses wrong input in Chinese."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from gongkai.workdays.calendar import (
    add_workdays,
    describe_day,
    is_workday,
    workdays_between,
    year_is_complete,
)

pytestmark = pytest.mark.django_db


def test_a_deadline_beyond_the_last_representable_date_is_a_clear_value_error() -> None:
    with pytest.raises(ValueError, match="超出可计算的日期范围"):
        add_workdays(date(9999, 12, 30), 5)
    with pytest.raises(ValueError, match="超出可计算的日期范围"):
        add_workdays(date.max, 1)


def test_the_last_representable_working_day_can_still_be_reached() -> None:
    # 9999-12-31 is a Friday.
    assert add_workdays(date(9999, 12, 30), 1).date == date(9999, 12, 31)


def test_the_first_and_last_days_can_be_counted_and_described() -> None:
    assert workdays_between(date.min, date(1, 1, 8)) == 5
    assert is_workday(date.max)
    assert describe_day(date.min) == "0001-01-01 星期一（班，暂定）"


def test_a_datetime_is_refused_because_its_day_depends_on_the_time_zone() -> None:
    with pytest.raises(TypeError, match="须为日期"):
        add_workdays(datetime(2025, 10, 1, 9, 0), 20)


def test_a_year_outside_the_calendar_is_refused() -> None:
    with pytest.raises(ValueError, match="年度须为"):
        year_is_complete(10000)
