"""`gongkai backup -o FILE` then `gongkai restore FILE`: the database (SQLite's online backup, or pg_dump on
PostgreSQL) and the uploaded files come back as they were; a database with data is replaced only when
asked; a file that is no backup, or a backup of the other kind of database, is refused."""

from __future__ import annotations

import tarfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings

from gongkai.applications.models import Application
from gongkai.core.models import AuditLog
from gongkai.workbench.tests.factories import make_cast, register

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def snapshot() -> list[tuple[str, str, str]]:
    return sorted(Application.objects.values_list("number", "status", "description"))


def test_a_backup_restores_what_was_there(tmp_path: Path) -> None:
    media = tmp_path / "media"
    (media / "reports").mkdir(parents=True)
    (media / "reports" / "附件.pdf").write_bytes(b"%PDF-1.4 the attachment")
    with override_settings(MEDIA_ROOT=media):
        cast = make_cast()
        for day in (3, 4, 5):
            register(cast, None, description=f"3月{day}日申请的文件")
        before = snapshot()
        target = tmp_path / "backup.tar.gz"
        call_command("backup", "-o", str(target), stdout=StringIO(), stderr=StringIO())
        with tarfile.open(target) as archive:
            names = archive.getnames()
        assert "manifest.json" in names and "media/reports/附件.pdf" in names

        # Things change after the backup: an application deleted, another added, a file lost.
        Application.objects.filter(description__startswith="3月3日").delete()
        register(cast, None, description="备份之后的申请")
        (media / "reports" / "附件.pdf").unlink()

        with pytest.raises(CommandError) as refused:
            call_command("restore", str(target), stdout=StringIO(), stderr=StringIO())
        assert refused.value.returncode == 1 and "--replace" in str(refused.value)

        call_command("restore", str(target), "--replace", stdout=StringIO(), stderr=StringIO())
        connection.close()
        assert snapshot() == before
        assert (media / "reports" / "附件.pdf").read_bytes() == b"%PDF-1.4 the attachment"
        assert AuditLog.objects.filter(action="restore").exists()


def test_a_file_that_is_no_backup_is_refused(tmp_path: Path) -> None:
    make_cast()
    bogus = tmp_path / "not-a-backup.tar.gz"
    bogus.write_bytes(b"hello")
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(bogus), "--replace", stdout=StringIO(), stderr=StringIO())
    assert refused.value.returncode == 1 and "不是" in str(refused.value)
    with pytest.raises(CommandError) as missing:
        call_command("restore", str(tmp_path / "nope.tar.gz"), stdout=StringIO(), stderr=StringIO())
    assert "文件不存在" in str(missing.value)
