"""What the `chinesecalendar` package knows: the years it covers and their exceptions to Monday–Friday.

Only the exceptions are kept (a weekday that is a holiday, a weekend day that is a make-up working
day): every other day follows Monday–Friday, so the calendar table stays small.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import chinese_calendar

# The official names of 《全国年节及纪念日放假办法》第二条; the package names its holidays in English.
OFFICIAL_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
}
MAKE_UP_SUFFIX = "调休上班"


@dataclass(frozen=True, slots=True)
class PackageDay:
    date: datetime.date
    is_workday: bool
    name: str


def package_version() -> str:
    return str(chinese_calendar.__version__)


def package_years() -> range:
    """The years the installed package covers (read from its data, never hard-coded)."""
    known = list(chinese_calendar.holidays) + list(chinese_calendar.workdays)
    return range(min(known).year, max(known).year + 1)


def chinese_name(english: str | None) -> str:
    if not english:
        return ""
    if english in OFFICIAL_NAMES:
        return OFFICIAL_NAMES[english]
    try:
        return str(chinese_calendar.Holiday(english).chinese)
    except ValueError:
        return english


def package_exceptions(year: int) -> list[PackageDay]:
    """The days of `year` on which the package departs from Monday–Friday, with their Chinese names."""
    day = datetime.date(year, 1, 1)
    exceptions = []
    while day.year == year:
        workday = chinese_calendar.is_workday(day)
        if workday != (day.weekday() < 5):
            _, english = chinese_calendar.get_holiday_detail(day)
            name = chinese_name(english)
            if workday:
                name = f"{name}{MAKE_UP_SUFFIX}" if name else MAKE_UP_SUFFIX
            exceptions.append(PackageDay(date=day, is_workday=workday, name=name or "放假"))
        day += datetime.timedelta(days=1)
    return exceptions
