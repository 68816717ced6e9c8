"""`scripts/production_check.py` starts `gongkai serve` (gunicorn, several workers, WhiteNoise, DEBUG off,
HTTPS defences on) on the database under test — PostgreSQL when the suite runs on it — and requests the
portal, a form, the status look-up, a staff queue after signing in, the API schema, a static file, the 404
page and the health check through it, with bounded waits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]
pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def database_url(tmp_path: Path) -> str:
    """PostgreSQL: this test's own (migrated) database; SQLite: a new file (the test database is in memory)."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        user = settings.get("USER") or "postgres"
        password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
        return f"postgres://{user}{password}@{settings.get('HOST') or '127.0.0.1'}:{settings.get('PORT') or 5432}/{settings['NAME']}"
    return f"sqlite:///{tmp_path / 'production.sqlite3'}"


def test_the_production_server_answers_every_page(tmp_path: Path) -> None:
    done = subprocess.run(  # noqa: S603 - the project's own script
        [sys.executable, str(ROOT / "scripts" / "production_check.py"), "--timeout", "150"],
        env={**os.environ, "DATABASE_URL": database_url(tmp_path)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 failed" in done.stdout
    assert "[通过] 工作人员的申请列表" in done.stdout
    expected = "postgresql" if connection.vendor == "postgresql" else "sqlite"
    assert f"数据库：{expected}" in done.stdout
