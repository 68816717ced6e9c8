"""A weekend day worked in place of a holiday (调休上班) is a working day for the 条例's periods."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.workdays.calendar import add_workdays, describe_day, is_workday

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("day", [date(2025, 9, 28), date(2025, 10, 11), date(2026, 2, 14), date(2026, 2, 28)])
def test_a_make_up_weekend_day_is_a_working_day(day: date) -> None:
    assert day.weekday() >= 5
    assert is_workday(day)


def test_a_make_up_weekend_day_can_be_the_due_date() -> None:
    # 2025-09-26 is a Friday, 09-27 an ordinary Saturday, 09-28 a worked Sunday; 2026-02-28 a worked Saturday.
    assert add_workdays(date(2025, 9, 26), 1).date == date(2025, 9, 28)
    assert add_workdays(date(2026, 2, 27), 1).date == date(2026, 2, 28)


def test_a_weekday_holiday_is_a_rest_day() -> None:
    assert not is_workday(date(2025, 10, 1))
    assert not is_workday(date(2026, 2, 16))


def test_a_make_up_day_is_described_with_its_holiday() -> None:
    assert describe_day(date(2025, 9, 28)) == "2025-09-28 国庆节调休上班（班）"
    assert describe_day(date(2026, 2, 28)) == "2026-02-28 春节调休上班（班）"
