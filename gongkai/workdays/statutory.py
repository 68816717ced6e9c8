"""The holidays that 《全国年节及纪念日放假办法》 fixes, for a year whose official arrangement is not entered yet.

The 办法 fixes which days are holidays for everyone (第二条); the State Council's yearly notice only adds
how they are arranged (调休: weekend days worked to join holidays into longer breaks, 第七条). So a year
without its notice is not Monday–Friday: its statutory holidays are known — New Year's Day, 清明 (a solar
term), 劳动节, 国庆 by the Gregorian calendar; 春节 (from 除夕 in the versions that include it), 端午, 中秋 by
the lunar calendar — and only the 调休 is unknown. Such dates stay 暂定 (provisional) until an administrator
marks the year complete.

A holiday that falls on a weekend is given back on the next working day (第六条: "适逢星期六、星期日，应当在
工作日补假"), as the notices do: `compensation=True` adds those days.

The lunar dates and the 清明 solar term come from `lunar_python` (pure Python, maintained, no data files).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache

from lunar_python import Lunar

ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class StatutoryHoliday:
    date: datetime.date
    name: str


def _solar(year: int, month: int, day: int) -> datetime.date:
    solar = Lunar.fromYmd(year, month, day).getSolar()
    return datetime.date(solar.getYear(), solar.getMonth(), solar.getDay())


def qingming(year: int) -> datetime.date:
    """清明, the solar term, in `year` (4 or 5 April)."""
    solar = Lunar.fromYmd(year, 1, 1).getJieQiTable()["清明"]
    return datetime.date(solar.getYear(), solar.getMonth(), solar.getDay())


def _days(first: datetime.date, count: int, name: str) -> list[StatutoryHoliday]:
    return [StatutoryHoliday(first + i * ONE_DAY, name) for i in range(count)]


@lru_cache(maxsize=64)
def statutory_holidays(year: int, *, compensation: bool = True) -> tuple[StatutoryHoliday, ...]:
    """The holidays for everyone that the 办法 in force in `year` fixes (国务院令第513号 from 2008, 第644号 from
    2014, 第795号 from 2025), with the weekday given back for each that falls on a weekend."""
    spring = _solar(year, 1, 1)  # 正月初一
    if year >= 2025:  # 第795号: 春节 除夕至初三, 劳动节 two days
        spring_days = _days(spring - ONE_DAY, 4, "春节")
        labour = _days(datetime.date(year, 5, 1), 2, "劳动节")
    elif year >= 2014:  # 第644号: 春节 初一至初三
        spring_days = _days(spring, 3, "春节")
        labour = _days(datetime.date(year, 5, 1), 1, "劳动节")
    else:  # 第513号: 春节 除夕、初一、初二
        spring_days = _days(spring - ONE_DAY, 3, "春节")
        labour = _days(datetime.date(year, 5, 1), 1, "劳动节")
    groups = [
        _days(datetime.date(year, 1, 1), 1, "元旦"),
        spring_days,
        _days(qingming(year), 1, "清明节"),
        labour,
        _days(_solar(year, 5, 5), 1, "端午节"),
        _days(_solar(year, 8, 15), 1, "中秋节"),
        _days(datetime.date(year, 10, 1), 3, "国庆节"),
    ]
    holidays = {day.date: day for group in groups for day in group}
    if compensation:
        for group in groups:
            owed = sum(1 for day in group if day.date.weekday() >= 5)
            day = group[-1].date
            while owed:
                day += ONE_DAY
                if day.weekday() < 5 and day not in holidays:
                    holidays[day] = StatutoryHoliday(day, f"{group[0].name}（补假）")
                    owed -= 1
    return tuple(sorted((day for day in holidays.values() if day.date.year == year), key=lambda d: d.date))
