"""`gongkai users add USERNAME --agency CODE --role ROLE [--password P]` and `gongkai users grant`."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from gongkai.agencies.cli import run_users
from gongkai.agencies.models import Membership
from gongkai.core.cli import GongkaiCommand


class Command(GongkaiCommand):
    help = "管理用户及其在各机关的角色"

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="新增用户并授予角色")
        add.add_argument("username")
        add.add_argument("--agency", required=True, help="机关代码")
        add.add_argument("--role", required=True, choices=Membership.Role.values)
        add.add_argument("--password", help="密码（不提供则交互输入）")
        add.add_argument("--name", default="", help="姓名")
        add.add_argument("--email", default="")
        grant = sub.add_parser("grant", help="为已有用户授予角色")
        grant.add_argument("username")
        grant.add_argument("--agency", required=True, help="机关代码")
        grant.add_argument("--role", required=True, choices=Membership.Role.values)

    def handle(self, *args: Any, **options: Any) -> None:
        run_users(self, options)
