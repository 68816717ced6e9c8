"""An administrator's entry for a day wins over the package's; clearing it restores the package."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from gongkai.workdays.calendar import add_workdays, describe_day, is_workday
from gongkai.workdays.models import CalendarDay, Source
from gongkai.workdays.services import calendar_day_clear, calendar_day_set, calendar_load_package

pytestmark = pytest.mark.django_db


def test_a_package_working_day_marked_as_a_holiday_moves_the_due_date() -> None:
    assert add_workdays(date(2025, 10, 1), 20).date == date(2025, 11, 4)
    calendar_day_set(date=date(2025, 10, 9), is_workday=False, name="台风停工")
    assert not is_workday(date(2025, 10, 9))
    assert add_workdays(date(2025, 10, 1), 20).date == date(2025, 11, 5)
    assert describe_day(date(2025, 10, 9)) == "2025-10-09 台风停工（休）"


def test_a_package_holiday_marked_as_a_working_day_wins_over_the_package() -> None:
    calendar_day_set(date=date(2025, 10, 8), is_workday=True)
    assert is_workday(date(2025, 10, 8))
    assert add_workdays(date(2025, 10, 1), 20).date == date(2025, 11, 3)
    assert CalendarDay.objects.filter(
        date=date(2025, 10, 8), source=Source.PACKAGE, is_workday=False
    ).exists()


def test_a_name_left_empty_gets_the_usual_label() -> None:
    assert calendar_day_set(date=date(2027, 2, 20), is_workday=True).name == "调休上班"
    assert calendar_day_set(date=date(2027, 2, 10), is_workday=False, name="  ").name == "放假"


def test_setting_a_day_twice_keeps_one_entry() -> None:
    calendar_day_set(date=date(2027, 10, 1), is_workday=False, name="国庆")
    calendar_day_set(date=date(2027, 10, 1), is_workday=False, name="国庆节")
    assert list(CalendarDay.objects.filter(date=date(2027, 10, 1)).values_list("name", flat=True)) == [
        "国庆节"
    ]


def test_clearing_the_entry_restores_the_package() -> None:
    calendar_day_set(date=date(2025, 10, 9), is_workday=False, name="台风停工")
    calendar_day_clear(date=date(2025, 10, 9))
    assert add_workdays(date(2025, 10, 1), 20).date == date(2025, 11, 4)
    calendar_day_set(date=date(2025, 10, 1), is_workday=True, name="误录")
    calendar_day_clear(date=date(2025, 10, 1))
    assert describe_day(date(2025, 10, 1)) == "2025-10-01 国庆节（休）"


def test_a_day_without_an_administrator_entry_cannot_be_cleared() -> None:
    with pytest.raises(ValidationError, match="软件包"):
        calendar_day_clear(date=date(2025, 10, 1))
    with pytest.raises(ValidationError, match="周一至周五"):
        calendar_day_clear(date=date(2027, 3, 1))


def test_a_name_too_long_is_refused_and_nothing_is_saved() -> None:
    with pytest.raises(ValidationError, match="不能超过"):
        calendar_day_set(date=date(2027, 10, 1), is_workday=False, name="节" * 101)
    assert not CalendarDay.objects.filter(date=date(2027, 10, 1)).exists()


def test_reloading_the_package_keeps_the_administrators_entries() -> None:
    calendar_day_set(date=date(2025, 10, 9), is_workday=False, name="台风停工")
    CalendarDay.objects.filter(source=Source.PACKAGE, date__year=2026).delete()
    years = calendar_load_package()
    assert years.stop - 1 == 2026
    assert not is_workday(date(2025, 10, 9))
    assert not is_workday(date(2026, 10, 1))
