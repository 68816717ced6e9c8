"""A year whose official calendar is not known is counted Monday–Friday minus the holidays that
《全国年节及纪念日放假办法》 fixes (with the weekday given back for one on a weekend), and deadlines through it
are 暂定."""

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


def test_a_deadline_crossing_into_a_year_without_calendar_is_provisional_and_skips_new_years_day() -> None:
    # 2026-12-21…31: 9 working days; 2027-01-01 (Friday) is 元旦, a holiday by the 办法 whatever the notice says.
    assert add_workdays(date(2026, 12, 20), 20) == DueDate(date(2027, 1, 18), provisional=True)
    assert not is_workday(date(2027, 1, 1))


def test_a_deadline_ending_before_the_year_turns_is_final() -> None:
    assert add_workdays(date(2026, 12, 1), 10) == DueDate(date(2026, 12, 15), provisional=False)


def test_a_deadline_starting_on_the_last_day_of_a_complete_year_depends_only_on_the_next_year() -> None:
    assert add_workdays(date(2026, 12, 31), 1) == DueDate(date(2027, 1, 4), provisional=True)
    # 元旦 2026-01-01…03; 01-04 (Sunday) is worked.
    assert add_workdays(date(2025, 12, 31), 1) == DueDate(date(2026, 1, 4), provisional=False)


def test_a_deadline_far_in_the_future_is_counted_with_its_statutory_holidays() -> None:
    # 2040-01-01 is a Sunday: 元旦 is given back on Monday 2 January; the count starts on the 3rd.
    assert add_workdays(date(2040, 1, 1), 20) == DueDate(date(2040, 1, 30), provisional=True)


def test_a_day_of_an_incomplete_year_is_described_as_provisional() -> None:
    assert describe_day(date(2027, 1, 1)) == "2027-01-01 元旦（休，暂定）"
    assert describe_day(date(2027, 1, 4)) == "2027-01-04 星期一（班，暂定）"
    assert describe_day(date(2027, 1, 2)) == "2027-01-02 星期六（休，暂定）"
