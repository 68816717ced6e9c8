"""The work of `gongkai demo` (see the command for its argument): load the demo data into an empty database
once, and print how to sign in as each role."""

from __future__ import annotations

import time
from typing import Any

from django.core.exceptions import ValidationError

from gongkai.core.cli import GongkaiCommand
from gongkai.demo import load as demo


def run(command: GongkaiCommand, options: dict[str, Any]) -> None:
    if demo.demo_present():
        command.stderr.write("演示数据已存在，未作改动。")
        loaded = demo.loaded_sample()
    elif demo.other_data_present():
        command.stderr.write("数据库中已有其他机关的数据，不加载演示数据。")
        return
    else:
        command.stderr.write("正在加载演示数据……")
        started = time.monotonic()
        try:
            loaded = demo.demo_load()
        except ValidationError as error:
            # Nothing was saved: the load is one transaction.
            command.reject("演示数据加载失败，未作任何改动：" + "；".join(error.messages))
        counted = sum(loaded.counts.values())
        command.stderr.write(
            f"已加载演示数据（{time.monotonic() - started:.1f} 秒，其中已办结申请 {counted} 件）。"
        )
    site = f"http://{options['address']}" if options.get("address") else None
    command.stdout.write(demo.sign_in_help(loaded, site=site))
