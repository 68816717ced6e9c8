"""A year whose official calendar is not known is counted Monday–Friday, and deadlines through it are 暂定."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.workdays.calendar import DueDate, add_workdays, describe_day, is_workday, year_is_complete

pytestmark = pytest.mark.django_db


def test_the_years_of_the_package_are_complete_and_later_years_are_not() -> None:
    assert year_is_complete(2025)
    assert year_is_complete(2026)
    assert not year_is_complete(2027)
    assert not year_is_complete(2040)


def test_a_deadline_crossing_into_a_year_without_calendar_is_provisional_and_counts_monday_to_friday() -> (
    None
):
    # 2026-12-21…31: 9 working days; 2027-01-01 (Friday) is counted as a working day for now.
    assert add_workdays(date(2026, 12, 20), 20) == DueDate(date(2027, 1, 15), provisional=True)
    assert is_workday(date(2027, 1, 1))


def test_a_deadline_ending_before_the_year_turns_is_final() -> None:
    assert add_workdays(date(2026, 12, 1), 10) == DueDate(date(2026, 12, 15), provisional=False)


def test_a_deadline_starting_on_the_last_day_of_a_complete_year_depends_only_on_the_next_year() -> None:
    assert add_workdays(date(2026, 12, 31), 1) == DueDate(date(2027, 1, 1), provisional=True)
    # 元旦 2026-01-01…03; 01-04 (Sunday) is worked.
    assert add_workdays(date(2025, 12, 31), 1) == DueDate(date(2026, 1, 4), provisional=False)


def test_a_deadline_far_in_the_future_is_counted_monday_to_friday() -> None:
    # 2040-01-02 is a Monday.
    assert add_workdays(date(2040, 1, 1), 20) == DueDate(date(2040, 1, 27), provisional=True)


def test_a_day_of_an_incomplete_year_is_described_as_provisional() -> None:
    assert describe_day(date(2027, 1, 1)) == "2027-01-01 星期五（班，暂定）"
    assert describe_day(date(2027, 1, 2)) == "2027-01-02 星期六（休，暂定）"
