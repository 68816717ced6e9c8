"""`gongkai demo`: load the demo data once and print how to sign in (run by `scripts/run.sh` on every start)."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError

from gongkai.core.cli import GongkaiCommand
from gongkai.demo import load as demo


class Command(GongkaiCommand):
    help = "加载演示数据（只在空数据库中加载一次），并打印各角色的登录方式"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--address",
            help="链接中使用的服务地址 HOST:PORT（scripts/run.sh 传入实际监听的地址）；默认 GONGKAI_SITE_URL",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if demo.demo_present():
            self.stderr.write("演示数据已存在，未作改动。")
            loaded = demo.loaded_sample()
        elif demo.other_data_present():
            self.stderr.write("数据库中已有其他机关的数据，不加载演示数据。")
            return
        else:
            self.stderr.write("正在加载演示数据……")
            started = time.monotonic()
            try:
                loaded = demo.demo_load()
            except ValidationError as error:
                # Nothing was saved: the load is one transaction.
                self.reject("演示数据加载失败，未作任何改动：" + "；".join(error.messages))
            counted = sum(loaded.counts.values())
            self.stderr.write(
                f"已加载演示数据（{time.monotonic() - started:.1f} 秒，其中已办结申请 {counted} 件）。"
            )
        site = f"http://{options['address']}" if options.get("address") else None
        self.stdout.write(demo.sign_in_help(loaded, site=site))
