"""条例第三十三条 counts 20 working days from receipt; the day of receipt itself is not counted."""

from __future__ import annotations

from datetime import date

import chinese_calendar
import pytest

from gongkai.workdays.calendar import DueDate, add_workdays

pytestmark = pytest.mark.django_db


def test_the_twentieth_working_day_after_a_working_day() -> None:
    # 2025-03-03 is a Monday; four plain weeks later.
    assert add_workdays(date(2025, 3, 3), 20) == DueDate(date(2025, 3, 31), provisional=False)


def test_a_start_on_a_holiday_counts_from_the_next_working_day_without_counting_it_twice() -> None:
    # 10-01…10-08 are 国庆节/中秋节; 10-11 (Saturday) is worked: 10-09 is day 1, 10-11 day 3, 11-04 day 20.
    assert add_workdays(date(2025, 10, 1), 20) == DueDate(date(2025, 11, 4), provisional=False)


def test_find_workday_of_the_package_is_off_by_one_on_a_rest_day_and_is_not_used() -> None:
    # Pinned so that nobody "simplifies" the loop into the package's helper.
    assert chinese_calendar.find_workday(20, date(2025, 10, 1)) == date(2025, 11, 5)
    assert add_workdays(date(2025, 10, 1), 20).date == date(2025, 11, 4)


def test_one_working_day_after_a_friday_is_the_next_monday() -> None:
    assert add_workdays(date(2025, 3, 7), 1).date == date(2025, 3, 10)


def test_a_start_on_a_weekend_counts_from_monday() -> None:
    assert add_workdays(date(2025, 3, 8), 1).date == date(2025, 3, 10)
    assert add_workdays(date(2025, 3, 9), 5).date == date(2025, 3, 14)


def test_the_spring_festival_week_is_skipped() -> None:
    # 2025-01-26 (Sunday) is worked; 01-28…02-04 are 春节; 02-08 (Saturday) is worked.
    assert add_workdays(date(2025, 1, 24), 1).date == date(2025, 1, 26)
    assert add_workdays(date(2025, 1, 27), 1).date == date(2025, 2, 5)
    assert add_workdays(date(2025, 1, 27), 4).date == date(2025, 2, 8)


@pytest.mark.parametrize("n", [0, -1, -20])
def test_fewer_than_one_working_day_is_refused(n: int) -> None:
    with pytest.raises(ValueError, match="不小于 1"):
        add_workdays(date(2025, 3, 3), n)
