"""`gongkai workdays add|set|clear|complete|show|load-package`: the statutory working-day calendar. The work
is `gongkai.workdays.cli`'s."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from gongkai.core.cli import GongkaiCommand


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
        from gongkai.workdays.cli import run

        run(self, options)
