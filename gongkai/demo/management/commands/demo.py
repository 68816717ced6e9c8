"""`gongkai demo`: load the demo data once and print how to sign in (run by `scripts/run.sh` on every start).
The work is `gongkai.demo.cli`'s."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from gongkai.core.cli import GongkaiCommand


class Command(GongkaiCommand):
    help = "加载演示数据（只在空数据库中加载一次），并打印各角色的登录方式"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--address",
            help="链接中使用的服务地址 HOST:PORT（scripts/run.sh 传入实际监听的地址）；默认 GONGKAI_SITE_URL",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from gongkai.demo.cli import run

        run(self, options)
