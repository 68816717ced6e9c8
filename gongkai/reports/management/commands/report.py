"""`gongkai report build|figures|audit|import|remind`: the annual report from the records and the yearly
figures, published reports audited, and the reminders of the reports' deadlines."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from gongkai.core.cli import GongkaiCommand
from gongkai.reports.cli import add_build_arguments


class Command(GongkaiCommand):
    help = "政府信息公开工作年度报告：生成、年度数据、审核、导入、提醒"

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)

        build = sub.add_parser("build", help="生成年度报告（JSON、HTML、DOCX、PDF）")
        add_build_arguments(build)

        audit = sub.add_parser("audit", help="审核已发布的年度报告")
        audit.add_argument("files", nargs="*", metavar="FILE")
        audit.add_argument("--json", action="store_true", help="以 JSON 数组输出")
        audit.add_argument("--previous", help="上一年度报告文件（用于跨年核对）")
        audit.add_argument(
            "--expected",
            metavar="DIR",
            help="衡量审核的准确度：审核 DIR 中 expected/*.json 所列的每份报告，与其中人工核定的单元格和问题比对",
        )

        imp = sub.add_parser("import", help="导入已发布的年度报告，作为机关该年度的报告")
        imp.add_argument("files", nargs="+", metavar="FILE")
        imp.add_argument("--agency", required=True, help="机关代码")
        imp.add_argument("--replace", action="store_true", help="替换该年度已存储的报告")

        figures = sub.add_parser("figures", help="年度数据（第二部分）：导入、导出 CSV")
        figures_sub = figures.add_subparsers(dest="figures_action", required=True)
        figures_import = figures_sub.add_parser("import", help="从 CSV 文件（表头 key,value）导入年度数据")
        figures_import.add_argument("file", metavar="FILE")
        figures_import.add_argument("--agency", required=True, help="机关代码")
        figures_import.add_argument("--year", required=True, type=int, help="报告年度 YYYY")
        figures_import.add_argument("--by", help="填报人的用户名（须为该机关的工作人员或负责人）")
        figures_export = figures_sub.add_parser("export", help="以 CSV 输出年度数据（可再次导入）")
        figures_export.add_argument("--agency", required=True, help="机关代码")
        figures_export.add_argument("--year", required=True, type=int, help="报告年度 YYYY")

        remind = sub.add_parser(
            "remind", help="年度报告截止前10天和3天，提醒尚未发布报告的机关工作人员（供 cron 每日调用）"
        )
        remind.add_argument("--date", help="按该日期计算（默认今天），YYYY-MM-DD")
        remind.add_argument("--dry-run", action="store_true", help="只打印，不发送")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "build":
            from gongkai.reports.cli import run_build

            run_build(self, options)
        elif action == "figures":
            from gongkai.reports.cli import run_figures

            run_figures(self, options)
        elif action == "remind":
            from gongkai.reports.annual.remind import run_remind

            run_remind(self, options)
        elif action == "audit":
            from gongkai.reports.cli import run_audit

            run_audit(self, options)
        else:
            from gongkai.reports.cli import run_reports_import

            run_reports_import(self, options)
