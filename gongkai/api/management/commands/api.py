"""`gongkai api token create|list|revoke`: the bearer tokens that let a platform act for one body."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from gongkai.api.cli import run_token
from gongkai.core.cli import GongkaiCommand


class Command(GongkaiCommand):
    help = "接口令牌：创建、列出、吊销（由系统管理员执行）"

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="object", required=True)
        token = sub.add_parser("token", help="接口令牌")
        actions = token.add_subparsers(dest="action", required=True)

        create = actions.add_parser("create", help="为机关创建令牌，令牌只显示这一次")
        create.add_argument("--agency", required=True, help="机关代码")
        create.add_argument("--name", required=True, help="令牌名称（使用该令牌的平台）")
        create.add_argument("--by", help="创建令牌的系统管理员用户名（记入日志）")

        listing = actions.add_parser("list", help="列出令牌（不显示令牌本身）")
        listing.add_argument("--agency", help="只列出该机关的令牌")
        listing.add_argument("--json", action="store_true", help="以 JSON 输出")

        revoke = actions.add_parser("revoke", help="吊销令牌")
        revoke.add_argument("--agency", required=True, help="机关代码")
        revoke.add_argument("--name", required=True, help="令牌名称")
        revoke.add_argument("--by", help="吊销令牌的系统管理员用户名（记入日志）")

    def handle(self, *args: Any, **options: Any) -> None:
        run_token(self, options)
