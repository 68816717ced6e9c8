"""`gongkai applications import|export|remind`: the register (台账) and the daily reminder."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from gongkai.core.cli import GongkaiCommand


class Command(GongkaiCommand):
    help = "依申请公开：台账导入导出、到期提醒"

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)

        imp = sub.add_parser("import", help="导入申请台账（CSV 或 XLSX）")
        imp.add_argument("file", metavar="FILE")
        imp.add_argument("--agency", required=True, help="机关代码")

        exp = sub.add_parser("export", help="导出申请台账（XLSX）")
        exp.add_argument("--agency", required=True, help="机关代码")
        exp.add_argument("--year", type=int, help="只导出该年度收到的申请")
        exp.add_argument("-o", dest="output", required=True, help="输出的 XLSX 文件")

        remind = sub.add_parser("remind", help="向工作人员发送即将到期和已逾期申请的每日清单（供 cron 调用）")
        remind.add_argument("--date", help="按该日期计算（默认今天），YYYY-MM-DD")
        remind.add_argument("--dry-run", action="store_true", help="只打印，不发送")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        from gongkai.applications.cli import run_export, run_import, run_remind

        {"import": run_import, "export": run_export, "remind": run_remind}[action](self, options)
