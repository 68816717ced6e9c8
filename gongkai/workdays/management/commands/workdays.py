"""`gongkai workdays add|set|clear|complete|show|load-package`: the statutory working-day calendar."""

from __future__ import annotations

import datetime
from argparse import ArgumentParser
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


class Command(GongkaiCommand):
    help = "法定工作日日历：推算期限、录入节假日与调休、标记年度日历完整"

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)

        add = sub.add_parser("add", help="推算某日之后第 N 个工作日（输出 YYYY-MM-DD，暂定时加 provisional）")
        add.add_argument("date", metavar="DATE", help="起算日 YYYY-MM-DD（当日不计入）")
        add.add_argument("n", metavar="N", help="工作日数（≥ 1）")

        set_day = sub.add_parser("set", help="录入某日为上班日或放假日（管理员录入优先于软件包）")
        set_day.add_argument("date", metavar="DATE", help="YYYY-MM-DD")
        kind = set_day.add_mutually_exclusive_group(required=True)
        kind.add_argument("--workday", dest="is_workday", action="store_true", help="上班（如调休上班）")
        kind.add_argument("--holiday", dest="is_workday", action="store_false", help="放假")
        set_day.add_argument("--name", default="", help="名称，如：国庆节、调休上班")

        clear = sub.add_parser("clear", help="清除管理员对某日的录入（恢复软件包或周一至周五）")
        clear.add_argument("date", metavar="DATE", help="YYYY-MM-DD")

        complete = sub.add_parser("complete", help="标记某年度官方日历已完整录入（--undo 取消）")
        complete.add_argument("year", metavar="YEAR")
        complete.add_argument("--undo", action="store_true", help="取消完整标记，该年度期限恢复为暂定")

        show = sub.add_parser("show", help="列出某年度的节假日、调休上班日及是否完整")
        show.add_argument("year", metavar="YEAR")
        show.add_argument("--json", action="store_true", help="以 JSON 输出")

        sub.add_parser("load-package", help="按已安装的 chinesecalendar 软件包更新日历（升级软件包后运行）")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        try:
            if action == "add":
                self.add(parse_date(options["date"]), parse_count(options["n"]))
            elif action == "set":
                self.set_day(parse_date(options["date"]), options["is_workday"], options["name"])
            elif action == "clear":
                self.clear(parse_date(options["date"]))
            elif action == "complete":
                self.complete(parse_year(options["year"]), undo=options["undo"])
            elif action == "show":
                self.show(parse_year(options["year"]), as_json=options["json"])
            else:
                self.load_package()
        except ValidationError as error:
            self.reject("；".join(error.messages))

    def add(self, start: datetime.date, n: int) -> None:
        try:
            due = calendar.add_workdays(start, n)
        except ValueError as error:
            self.reject(str(error))
        if due.provisional:
            self.stderr.write(
                "期限经过尚未录入官方日历的年度：按《全国年节及纪念日放假办法》的法定节假日计算，调休未知，为暂定期限。"
            )
        self.stdout.write(f"{due.date.isoformat()}{' provisional' if due.provisional else ''}")

    def set_day(self, day: datetime.date, is_workday: bool, name: str) -> None:
        calendar_day_set(date=day, is_workday=is_workday, name=name)
        self.stderr.write("已录入，并已重新计算办理中申请的答复期限。")
        self.stdout.write(calendar.describe_day(day))

    def clear(self, day: datetime.date) -> None:
        calendar_day_clear(date=day)
        self.stderr.write("已清除管理员录入，并已重新计算办理中申请的答复期限。")
        self.stdout.write(calendar.describe_day(day))

    def complete(self, year: int, *, undo: bool) -> None:
        if undo:
            calendar_year_mark_incomplete(year=year)
            self.stderr.write(f"{year} 年日历已改为暂定，并已重新计算办理中申请的答复期限。")
        else:
            calendar_year_mark_complete(year=year)
            self.stderr.write(f"{year} 年日历已标记为完整，并已重新计算办理中申请的答复期限。")
        self.stdout.write(f"{year} {'provisional' if undo else 'complete'}")

    def show(self, year: int, *, as_json: bool) -> None:
        current = calendar.current_calendar()
        days = current.special_days_of_year(year)
        complete = current.year_is_complete(year)
        workdays = current.workdays_in_year(year)
        if as_json:
            self.write_json(
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
        self.stdout.write(f"{year}年：{status}；全年工作日 {workdays} 天")
        for d in days:
            origin = "〔管理员录入〕" if d.source == Source.ADMIN else ""
            self.stdout.write(f"{current.describe_day(d.date)}{origin}")

    def load_package(self) -> None:
        years = calendar_load_package()
        self.stderr.write(
            f"已按 chinesecalendar 软件包更新 {years.start}–{years.stop - 1} 年的日历（管理员录入保持不变）。"
        )
        self.stdout.write(f"{years.start}-{years.stop - 1}")
