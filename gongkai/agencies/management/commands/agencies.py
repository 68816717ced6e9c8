"""`gongkai agencies add CODE NAME [--parent CODE] [--kind …] [--level …] [--reports-from YYYY]` and
`gongkai agencies list`."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from gongkai.agencies.cli import run_agencies
from gongkai.agencies.models import Agency
from gongkai.core.cli import GongkaiCommand


class Command(GongkaiCommand):
    help = "管理机关（政府、部门、乡镇/街道）"

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="新增机关")
        add.add_argument("code", help="机关代码")
        add.add_argument("name", help="机关名称")
        add.add_argument("--parent", help="上级机关代码")
        add.add_argument("--kind", choices=Agency.Kind.values, default=Agency.Kind.DEPARTMENT)
        add.add_argument("--level", choices=Agency.Level.values, default=Agency.Level.COUNTY)
        add.add_argument(
            "--reports-from",
            type=int,
            metavar="YYYY",
            help="自该年度起在本系统编制年度报告（默认今年；此前的年度不计逾期、不发提醒）",
        )
        listing = sub.add_parser("list", help="列出机关")
        listing.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args: Any, **options: Any) -> None:
        run_agencies(self, options)
