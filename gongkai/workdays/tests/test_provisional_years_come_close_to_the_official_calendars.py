"""How close the provisional rule comes to the official calendars of 2010–2026 (from `chinesecalendar`),
day by day and for the 20-working-day reply period (条例第三十三条) started on every day of each year.

Provisional = Monday–Friday minus the holidays 《全国年节及纪念日放假办法》 fixes, with the weekday given
back for one on a weekend; only the State Council's 调休 is unknown. Measured when this rule replaced
Monday–Friday alone (2026-12): days wrong 232 of 6,209 (was 418); due dates wrong 847 of 6,209 (was 2,830).
"""

from __future__ import annotations

import datetime
from bisect import bisect_left
from collections.abc import Callable
from itertools import accumulate

import chinese_calendar

from gongkai.workdays.calendar import WorkdayCalendar
from gongkai.workdays.statutory import statutory_holidays

YEARS = range(2010, 2027)
ONE_DAY = datetime.timedelta(days=1)


def official(day: datetime.date) -> bool:
    return bool(chinese_calendar.is_workday(day)) if day.year <= 2026 else day.weekday() < 5


def due_dates(flags: list[bool], first: datetime.date, starts: int) -> list[datetime.date]:
    """For each of the first `starts` days from `first`, the 20th working day after it (`flags` per day)."""
    cumulative = list(accumulate(flags, initial=0))  # cumulative[i]: working days before day i
    return [first + (bisect_left(cumulative, cumulative[i + 1] + 20) - 1) * ONE_DAY for i in range(starts)]


def measure(is_provisional_workday: Callable[[datetime.date], bool]) -> tuple[int, int, int]:
    """Days wrong, due dates wrong, and days of the years measured."""
    days_wrong = dues_wrong = total = 0
    for year in YEARS:
        first = datetime.date(year, 1, 1)
        length = (datetime.date(year + 1, 1, 1) - first).days
        span = [first + n * ONE_DAY for n in range(length + 60)]  # the year and what its periods run into
        truth = [official(day) for day in span]
        # The year under test provisional, the year after it as it officially was.
        rule = [is_provisional_workday(day) if day.year == year else truth[n] for n, day in enumerate(span)]
        total += length
        days_wrong += sum(rule[n] != truth[n] for n in range(length))
        dues_wrong += sum(
            a != b
            for a, b in zip(due_dates(rule, first, length), due_dates(truth, first, length), strict=True)
        )
    return days_wrong, dues_wrong, total


def test_every_statutory_holiday_is_a_rest_day_in_the_official_calendar() -> None:
    for year in YEARS:
        for holiday in statutory_holidays(year, compensation=False):
            assert not official(holiday.date), (year, holiday)


def test_the_provisional_rule_comes_much_closer_than_monday_to_friday() -> None:
    provisional = WorkdayCalendar({}, complete_years=[])  # every year provisional
    days_wrong, dues_wrong, total = measure(provisional.is_workday)
    weekdays_days_wrong, weekdays_dues_wrong, _ = measure(lambda day: day.weekday() < 5)
    print(
        f"\n2010–2026, {total} days: provisional rule {days_wrong} days and {dues_wrong} due dates wrong; "
        f"Monday–Friday {weekdays_days_wrong} days and {weekdays_dues_wrong} due dates wrong"
    )
    assert (weekdays_days_wrong, weekdays_dues_wrong) == (418, 2830)
    assert days_wrong <= 240 and dues_wrong <= 900
    assert dues_wrong * 3 < weekdays_dues_wrong
