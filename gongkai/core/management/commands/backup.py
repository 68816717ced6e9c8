"""`gongkai backup -o FILE`: the database and the uploaded files in one .tar.gz (see gongkai.core.backup)."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from gongkai.core.audit import audit_record
from gongkai.core.backup import BackupError, backup
from gongkai.core.cli import GongkaiCommand, output_path


class Command(GongkaiCommand):
    help = "备份数据库（SQLite 在线备份，PostgreSQL 用 pg_dump）和上传的文件，写入一个 .tar.gz 文件"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("-o", "--output", required=True, help="备份文件，如 gongkai-2026-01-31.tar.gz")

    def handle(self, *args: Any, **options: Any) -> None:
        target = output_path(options["output"])
        try:
            summary = backup(Path(target))
        except BackupError as error:
            self.reject(str(error))
        audit_record(action="backup", message=f"备份到 {target}（{summary.size // 1024} KB）")
        self.stderr.write(
            f"已备份{'SQLite' if summary.vendor == 'sqlite' else 'PostgreSQL'}数据库和 {summary.media_files} 个上传文件"
            f"到 {target}（{summary.size / 1024 / 1024:.1f} MB）。恢复：gongkai restore {target}"
        )
        self.stdout.write(str(target))
