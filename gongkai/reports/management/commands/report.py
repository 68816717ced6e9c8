"""`gongkai report build|audit|import`: the annual report from the records, and published reports audited."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from gongkai.core.cli import GongkaiCommand


class Command(GongkaiCommand):
    help = "政府信息公开工作年度报告：生成、审核、导入"

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)

        build = sub.add_parser("build", help="由办理记录生成年度报告数据")
        build.add_argument("--agency", required=True, help="机关代码")
        build.add_argument("--year", required=True, type=int, help="报告年度 YYYY")
        build.add_argument("--to", choices=["json"], default="json", help="输出类型")
        build.add_argument("-o", dest="output", help="输出文件")
        build.add_argument("--draft", action="store_true", help="允许生成尚未开始的年度的草稿")

        audit = sub.add_parser("audit", help="审核已发布的年度报告")
        audit.add_argument("files", nargs="+", metavar="FILE")
        audit.add_argument("--json", action="store_true", help="以 JSON 数组输出")
        audit.add_argument("--previous", help="上一年度报告文件（用于跨年核对）")

        imp = sub.add_parser("import", help="导入已发布的年度报告，作为机关该年度的报告")
        imp.add_argument("files", nargs="+", metavar="FILE")
        imp.add_argument("--agency", required=True, help="机关代码")
        imp.add_argument("--replace", action="store_true", help="替换该年度已存储的报告")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "build":
            from gongkai.reports.build_cli import run_build

            run_build(self, options)
        elif action == "audit":
            from gongkai.reports.audit.cli import run_audit

            run_audit(self, options)
        else:
            from gongkai.reports.audit.cli import run_import

            run_import(self, options)
