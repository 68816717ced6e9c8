"""Importing the settings writes nothing (a type checker or a test may import them); the `gongkai` command
makes the data folder, the secret key (once, owner-only) and STATIC_ROOT before it loads them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

READ_SETTINGS = (
    "import django; django.setup(); from django.conf import settings; "
    "assert settings.SECRET_KEY and settings.STATIC_ROOT"
)


def run(arguments: list[str], data: Path) -> None:
    env = {**os.environ, "GONGKAI_DATA_DIR": str(data), "DJANGO_SETTINGS_MODULE": "gongkai.settings"}
    env.pop("GONGKAI_SECRET_KEY", None)
    env.pop("GONGKAI_STATIC_ROOT", None)
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, *arguments], env=env, check=True, capture_output=True, timeout=120)  # noqa: S603 - the test's own arguments


def test_importing_the_settings_creates_no_folder_and_no_key(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run(["-c", READ_SETTINGS], data)
    assert not data.exists()


def test_the_command_makes_the_key_once_readable_by_its_owner_only(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run(["-m", "gongkai.cli", "check"], data)
    key = (data / "secret_key").read_text()
    assert len(key) >= 50
    assert (data / "secret_key").stat().st_mode & 0o777 == 0o600
    assert (data / "static").is_dir()
    run(["-m", "gongkai.cli", "check"], data)
    assert (data / "secret_key").read_text() == key
