"""`gongkai serve [--bind HOST:PORT] [--workers N]`: the production server.

gunicorn with several worker processes runs the application, WhiteNoise serves its static files (collected
first, with hashed names and long cache headers), DEBUG is off and the HTTPS defences are on by default
(GONGKAI_PRODUCTION; GONGKAI_HTTPS=0 for a server reached over plain HTTP). Every other setting comes from
the environment, as README.md lists. Put a reverse proxy (nginx) in front for TLS: docs/deploy.md.
"""

from __future__ import annotations

import os
import subprocess
import sys
from argparse import ArgumentParser
from typing import Any

from gongkai.core.cli import GongkaiCommand, UsageError


def default_workers() -> int:
    # gunicorn's rule of thumb for synchronous workers, capped: the database is the limit beyond it.
    return min(2 * (os.cpu_count() or 1) + 1, 9)


class Command(GongkaiCommand):
    help = "以生产方式运行：gunicorn 多进程、DEBUG 关闭、静态文件由 WhiteNoise 提供"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--bind",
            default=os.environ.get("GONGKAI_BIND", "127.0.0.1:8000"),
            help="监听地址，默认 127.0.0.1:8000（环境变量 GONGKAI_BIND）；由反向代理对外提供服务",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("GONGKAI_WORKERS", "0")) or default_workers(),
            help="工作进程数，默认 2×CPU 核数+1（环境变量 GONGKAI_WORKERS）",
        )
        parser.add_argument(
            "--timeout",
            type=int,
            default=int(os.environ.get("GONGKAI_TIMEOUT", "120")),
            help="单个请求的最长秒数",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["workers"] < 1:
            raise UsageError("工作进程数至少为 1")
        self.require_migrated()
        env = {**os.environ, "GONGKAI_PRODUCTION": os.environ.get("GONGKAI_PRODUCTION", "1")}
        # Collected under the production settings (hashed names, a manifest), as the workers will read them.
        collected = subprocess.run(
            [sys.executable, "-m", "gongkai.cli", "collectstatic", "--noinput", "--verbosity", "0"],
            env=env,
            capture_output=True,
            text=True,
        )
        if collected.returncode != 0:
            self.reject(f"收集静态文件失败：{collected.stderr.strip()[-500:]}")
        from django.conf import settings

        trusted = ",".join(settings.TRUSTED_PROXIES) or "127.0.0.1,::1"
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "gongkai.wsgi:application",
            "--bind",
            options["bind"],
            "--workers",
            str(options["workers"]),
            "--timeout",
            str(options["timeout"]),
            "--graceful-timeout",
            "30",
            "--forwarded-allow-ips",
            trusted,
            "--access-logfile",
            "-",
            "--no-control-socket",
            "--worker-tmp-dir",
            "/dev/shm" if os.path.isdir("/dev/shm") else "/tmp",  # noqa: S108 (gunicorn's heartbeat files)
        ]
        self.stderr.write(
            f"公开 Gongkai 生产服务：http://{options['bind']}/（{options['workers']} 个工作进程；健康检查 /healthz）"
        )
        sys.stderr.flush()
        os.execve(sys.executable, argv, env)  # noqa: S606 (replaces this process, for systemd)
