"""`gongkai search QUERY [--agency CODE] [--subtree] [--limit 20] [--page 1] [--json]`: published items."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from gongkai.core.cli import GongkaiCommand


class Command(GongkaiCommand):
    help = "检索已公开的政府信息（标题、文号、正文和附件文字）"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("query", metavar="QUERY", help="检索词；以空格分隔的多个词须同时命中")
        parser.add_argument("--agency", help="只检索该机关（机关代码）")
        parser.add_argument("--subtree", action="store_true", help="与 --agency 同用：包括其下级机关")
        parser.add_argument("--category", type=int, help="公开目录编号（含下级目录）")
        parser.add_argument("--year", type=int, help="发布年度")
        parser.add_argument("--validity", choices=["in_force", "expired", "repealed"], help="有效性")
        from gongkai.publications.vocabulary import Genre, Kind

        # A fixed vocabulary, like --validity: a value outside it is a usage error (exit 2), not rejected data.
        parser.add_argument(
            "--genre", choices=Genre.values, metavar="GENRE", help="体裁：" + "、".join(Genre.values)
        )
        parser.add_argument(
            "--kind", choices=Kind.values, metavar="KIND", help="信息类型：" + "、".join(Kind.values)
        )
        parser.add_argument(
            "--order", choices=["newest", "relevance"], default="newest", help="排序，默认最新在前"
        )
        parser.add_argument("--limit", type=int, default=20, help="每页条数（1–100），默认 20")
        parser.add_argument("--page", type=int, default=1, help="页码（1–10000），默认 1")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args: Any, **options: Any) -> None:
        from gongkai.search.cli import run_search

        run_search(self, options)
