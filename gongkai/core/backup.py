"""Backing up and restoring the whole installation: the database and the uploaded files.

A backup is one `.tar.gz` holding `manifest.json` (what it is, of which database, made when, up to which
migration), the database — SQLite through its online backup (a consistent copy while the server runs), or
PostgreSQL through `pg_dump --format=custom` — and the folder of uploaded files (MEDIA_ROOT). A restore
checks the manifest, then replaces the database as a whole (SQLite's backup into the live database in one
step; PostgreSQL's `pg_restore --clean --single-transaction`) and the uploaded files.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.dispatch import Signal
from django.utils import timezone

FORMAT = 1
SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.dump"
MEDIA_MEMBER = "media"


class BackupError(Exception):
    """The backup or restore cannot be made; the message says why, in Chinese."""


@dataclass(frozen=True)
class BackupSummary:
    vendor: str
    created_at: str
    migrations: int
    media_files: int
    size: int


def _latest_migrations() -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return latest


def _postgres_env() -> tuple[list[str], dict[str, str]]:
    """pg_dump/pg_restore's connection options for the configured database (the password in the environment)."""
    db = connection.settings_dict
    options = ["--host", str(db.get("HOST") or "127.0.0.1"), "--port", str(db.get("PORT") or 5432)]
    options += ["--username", str(db.get("USER") or "postgres"), "--dbname", str(db["NAME"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return options, env


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(
            f"找不到 {command[0]}：请安装 PostgreSQL 客户端（Debian 软件包 postgresql-client）。"
        )
    done = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603 (pg_dump/pg_restore)
    if done.returncode != 0:
        raise BackupError(f"{what}失败：{done.stderr.strip()[-800:]}")


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def backup(target: Path) -> BackupSummary:
    """Write a backup of the database and the uploaded files to `target` (a .tar.gz)."""
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"不支持备份 {vendor} 数据库。")
    media = Path(settings.MEDIA_ROOT)
    media_files = [path for path in media.rglob("*") if path.is_file()] if media.is_dir() else []
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "product": "gongkai",
        "vendor": vendor,
        "created_at": timezone.now().isoformat(),
        "migrations": _latest_migrations(),
        "media_files": len(media_files),
    }
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / (SQLITE_MEMBER if vendor == "sqlite" else POSTGRES_MEMBER)
        if vendor == "sqlite":
            connection.ensure_connection()
            destination = sqlite3.connect(dump)
            try:
                connection.connection.backup(destination)  # SQLite's online backup: a consistent copy
            finally:
                destination.close()
        else:
            options, env = _postgres_env()
            _run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    "--file",
                    str(dump),
                    *options,
                ],
                env,
                "pg_dump 备份数据库",
            )
        partial = target.with_name(target.name + ".part")
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(archive, "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2).encode())
            archive.add(dump, arcname=dump.name)
            for path in media_files:
                archive.add(path, arcname=f"{MEDIA_MEMBER}/{path.relative_to(media).as_posix()}")
        partial.replace(target)  # the backup appears whole, or not at all
    return BackupSummary(
        vendor, manifest["created_at"], len(manifest["migrations"]), len(media_files), target.stat().st_size
    )


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = []
    for member in archive.getmembers():
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"备份文件中有不安全的条目：{member.name}")
        members.append(member)
    return members


def read_manifest(source: Path) -> dict[str, Any]:
    try:
        with tarfile.open(source, "r:gz") as archive:
            member = archive.extractfile("manifest.json")
            if member is None:
                raise KeyError("manifest.json")
            manifest = json.loads(member.read())
    except FileNotFoundError:
        raise BackupError(f"文件不存在：{source}") from None
    except (tarfile.TarError, KeyError, ValueError, OSError):
        raise BackupError(f"{source} 不是 gongkai backup 生成的备份文件。") from None
    if manifest.get("product") != "gongkai" or manifest.get("format") != FORMAT:
        raise BackupError(f"{source} 不是本版本 gongkai backup 生成的备份文件。")
    return dict(manifest)


# Sent once `restore` has replaced the database and the files: an app that keeps something of the database
# outside it (the working-day calendar's version token, `gongkai.workdays.apps`) brings it up to date.
restored = Signal()


def database_is_empty() -> bool:
    """No body yet (the models named by label: core imports no app)."""
    try:
        return not apps.get_model("agencies", "Agency").objects.exists()
    except Exception:
        return True


def restore(source: Path) -> dict[str, Any]:
    """Replace the database and the uploaded files with those of the backup `source`."""
    manifest = read_manifest(source)
    vendor = connection.vendor
    if manifest["vendor"] != vendor:
        raise BackupError(f"备份来自 {manifest['vendor']} 数据库，当前使用的是 {vendor}，不能直接恢复。")
    with tempfile.TemporaryDirectory() as work, tarfile.open(source, "r:gz") as archive:
        archive.extractall(work, members=_safe_members(archive), filter="data")
        root = Path(work)
        if vendor == "sqlite":
            dump = root / SQLITE_MEMBER
            if not dump.is_file():
                raise BackupError("备份文件中没有数据库。")
            connection.ensure_connection()
            source_db = sqlite3.connect(dump)
            try:
                source_db.backup(connection.connection)  # the live database replaced in one step
            finally:
                source_db.close()
        else:
            dump = root / POSTGRES_MEMBER
            if not dump.is_file():
                raise BackupError("备份文件中没有数据库。")
            connection.close()
            options, env = _postgres_env()
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    *options,
                    str(dump),
                ],
                env,
                "pg_restore 恢复数据库",
            )
        media = Path(settings.MEDIA_ROOT)
        restored_media = root / MEDIA_MEMBER
        if media.exists():
            shutil.rmtree(media)
        if restored_media.is_dir():
            shutil.copytree(restored_media, media)
    restored.send(sender=restore)
    return manifest
