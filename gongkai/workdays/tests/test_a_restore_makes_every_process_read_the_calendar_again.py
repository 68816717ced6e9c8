"""After `gongkai restore` the calendar's version token changes, so that every process reads the restored
calendar afresh instead of the one it had cached (`core.backup.restore` sends `restored`; the workdays app
bumps the token on it)."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from gongkai.workdays import store

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def test_a_restore_changes_the_calendars_version_token(tmp_path: Path) -> None:
    (tmp_path / "media").mkdir()
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        store.bump_token()
        target = tmp_path / "backup.tar.gz"
        call_command("backup", "-o", str(target), stdout=StringIO(), stderr=StringIO())
        backed_up = store.read_token()
        call_command("restore", str(target), "--replace", stdout=StringIO(), stderr=StringIO())
        connection.close()
        restored = store.read_token()
    assert backed_up is not None and restored is not None
    assert restored != backed_up
