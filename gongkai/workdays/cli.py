"""The work of `gongkai workdays add|set|clear|complete|show|load-package` (see the command for the
arguments): the statutory working-day calendar."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError

from gongkai.core.cli import GongkaiCommand, UsageError, parse_date
from gongkai.workdays import calendar
from gongkai.workdays.models import Source
from gongkai.workdays.services import (
    calendar_day_clear,
    calendar_day_set,
    calendar_load_package,
    calendar_year_mark_complete,
    calendar_year_mark_incomplete,
)


def parse_count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise UsageError(f"工作日数应为不小于 1 的整数：{text}")
    return n


def parse_year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        year = 0
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        raise UsageError(f"年度应为 1–9999 之间的整数：{text}")
    return year


def run(command: GongkaiCommand, options: dict[str, Any]) -> None:
    action = options["action"]
    try:
        if action == "add":
            add(command, parse_date(options["date"]), parse_count(options["n"]))
        elif action == "set":
            set_day(command, parse_date(options["date"]), options["is_workday"], options["name"])
        elif action == "clear":
            clear(command, parse_date(options["date"]))
        elif action == "complete":
            complete(command, parse_year(options["year"]), undo=options["undo"])
        elif action == "show":
            show(command, parse_year(options["year"]), as_json=options["json"])
        else:
            load_package(command)
    except ValidationError as error:
        command.reject("；".join(error.messages))


def add(command: GongkaiCommand, start: datetime.date, n: int) -> None:
    try:
        due = calendar.add_workdays(start, n)
    except ValueError as error:
        command.reject(str(error))
    if due.provisional:
        command.stderr.write(
            "期限经过尚未录入官方日历的年度：按《全国年节及纪念日放假办法》的法定节假日计算，调休未知，为暂定期限。"
        )
    command.stdout.write(f"{due.date.isoformat()}{' provisional' if due.provisional else ''}")


def set_day(command: GongkaiCommand, day: datetime.date, is_workday: bool, name: str) -> None:
    calendar_day_set(date=day, is_workday=is_workday, name=name)
    command.stderr.write("已录入，并已重新计算办理中申请的答复期限。")
    command.stdout.write(calendar.describe_day(day))


def clear(command: GongkaiCommand, day: datetime.date) -> None:
    calendar_day_clear(date=day)
    command.stderr.write("已清除管理员录入，并已重新计算办理中申请的答复期限。")
    command.stdout.write(calendar.describe_day(day))


def complete(command: GongkaiCommand, year: int, *, undo: bool) -> None:
    if undo:
        calendar_year_mark_incomplete(year=year)
        command.stderr.write(f"{year} 年日历已改为暂定，并已重新计算办理中申请的答复期限。")
    else:
        calendar_year_mark_complete(year=year)
        command.stderr.write(f"{year} 年日历已标记为完整，并已重新计算办理中申请的答复期限。")
    command.stdout.write(f"{year} {'provisional' if undo else 'complete'}")


def show(command: GongkaiCommand, year: int, *, as_json: bool) -> None:
    current = calendar.current_calendar()
    days = current.special_days_of_year(year)
    complete = current.year_is_complete(year)
    workdays = current.workdays_in_year(year)
    if as_json:
        command.write_json(
            {
                "year": year,
                "complete": complete,
                "workdays": workdays,
                "days": [
                    {"date": d.date, "is_workday": d.is_workday, "name": d.name, "source": d.source}
                    for d in days
                ],
            }
        )
        return
    status = (
        "官方日历已完整录入"
        if complete
        else "暂定（官方日历尚未完整录入：法定节假日按《全国年节及纪念日放假办法》计算，调休未知）"
    )
    command.stdout.write(f"{year}年：{status}；全年工作日 {workdays} 天")
    for d in days:
        origin = "〔管理员录入〕" if d.source == Source.ADMIN else ""
        command.stdout.write(f"{current.describe_day(d.date)}{origin}")


def load_package(command: GongkaiCommand) -> None:
    years = calendar_load_package()
    command.stderr.write(
        f"已按 chinesecalendar 软件包更新 {years.start}–{years.stop - 1} 年的日历（管理员录入保持不变）。"
    )
    command.stdout.write(f"{years.start}-{years.stop - 1}")
