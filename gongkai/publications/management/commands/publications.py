"""`gongkai publications import|scan|figures|records-complete|reindex`."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from gongkai.core.cli import GongkaiCommand


class Command(GongkaiCommand):
    help = "主动公开：导入政府信息、敏感信息检查、规范性文件统计、重建检索索引"

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)

        imp = sub.add_parser("import", help="导入 JSON Lines 文件中的政府信息（视为已公开）")
        imp.add_argument("file", metavar="FILE")
        imp.add_argument("--agency", required=True, help="机关代码")
        imp.add_argument("--json", action="store_true", help="以 JSON 输出结果摘要")

        scan = sub.add_parser("scan", help="检查已公开信息中的身份证号、手机号、银行卡号和密级标识")
        scan.add_argument("--agency", required=True, help="机关代码")
        scan.add_argument("--json", action="store_true", help="以 JSON 输出")

        figures = sub.add_parser("figures", help="年度报告表二第（一）项：规章和行政规范性文件的数量")
        figures.add_argument("--agency", required=True, help="机关代码")
        figures.add_argument("--year", type=int, required=True, help="报告年度")
        figures.add_argument("--json", action="store_true", help="以 JSON 输出")

        complete = sub.add_parser("records-complete", help="设定本机关规范性文件记录自哪一年起完整")
        complete.add_argument("--agency", required=True, help="机关代码")
        group = complete.add_mutually_exclusive_group(required=True)
        group.add_argument("--from", dest="year", type=int, help="起始年度")
        group.add_argument("--clear", action="store_true", help="取消设定（各年均不从记录计算）")

        reindex = sub.add_parser("reindex", help="重建检索索引")
        reindex.add_argument("--agency", help="只重建该机关的信息（默认全部）")

    def handle(self, *args: Any, **options: Any) -> None:
        from gongkai.publications import cli

        {
            "import": cli.run_import,
            "scan": cli.run_scan,
            "figures": cli.run_figures,
            "records-complete": cli.run_records_complete,
            "reindex": cli.run_reindex,
        }[options["action"]](self, options)
