from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.appeals.tests.factories import make_agency

pytestmark = pytest.mark.django_db


def test_an_unknown_body_is_rejected_with_exit_1() -> None:
    with pytest.raises(CommandError) as raised:
        call_command("report", "build", "--agency", "NOPE", "--year", "2024")
    assert raised.value.returncode == 1
    assert "机关不存在" in str(raised.value)


def test_a_year_before_2019_is_rejected_with_exit_1() -> None:
    agency = make_agency()
    with pytest.raises(CommandError) as raised:
        call_command("report", "build", "--agency", agency.code, "--year", "2018")
    assert raised.value.returncode == 1
    assert "2019" in str(raised.value)


def test_the_command_line_prints_the_rejection_in_chinese_on_stderr(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    subprocess.run(
        [sys.executable, "-m", "gongkai.cli", "migrate", "-v", "0", "--skip-checks"],
        env=env,
        check=True,
        timeout=120,
    )
    completed = subprocess.run(
        [sys.executable, "-m", "gongkai.cli", "report", "build", "--agency", "NOPE", "--year", "2024"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert completed.returncode == 1
    assert completed.stdout == ""
    assert "机关不存在：NOPE" in completed.stderr
