"""`gongkai restore FILE [--replace]`: replace the database and the uploaded files with a backup's.

Stop the server first. A database that already holds data is replaced only with --replace."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from gongkai.core.audit import audit_record
from gongkai.core.backup import BackupError, database_is_empty, read_manifest, restore
from gongkai.core.cli import GongkaiCommand


class Command(GongkaiCommand):
    help = "从 gongkai backup 的备份文件恢复数据库和上传的文件（请先停止服务）"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="gongkai backup 生成的 .tar.gz 文件")
        parser.add_argument("--replace", action="store_true", help="数据库中已有数据时，确认全部替换")

    def handle(self, *args: Any, **options: Any) -> None:
        source = Path(options["file"])
        try:
            manifest = read_manifest(source)
            if not options["replace"] and not database_is_empty():
                self.reject(
                    "当前数据库中已有数据，恢复将全部替换为备份中的数据。确认替换请加 --replace（请先停止服务）。"
                )
            restore(source)
        except BackupError as error:
            self.reject(str(error))
        audit_record(action="restore", message=f"从备份 {source.name}（{manifest['created_at']}）恢复")
        self.stderr.write(
            f"已从 {source} 恢复数据库和 {manifest['media_files']} 个上传文件（备份时间 {manifest['created_at']}）。"
        )
