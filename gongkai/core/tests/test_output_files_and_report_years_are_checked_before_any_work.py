"""`-o` into a folder that does not exist is one clear error (exit 1, before anything is written) and no
traceback; `report build` takes a four-digit year (a usage error otherwise), and a year not yet begun only
as a draft."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.appeals.tests.factories import make_agency

pytestmark = pytest.mark.django_db


def failure(*args: str) -> CommandError:
    stderr = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command(*args, stdout=StringIO(), stderr=stderr)
    assert "Traceback" not in stderr.getvalue()
    return raised.value


@pytest.mark.parametrize(
    "command",
    [
        ["applications", "export", "--agency", "XS-ZRZY", "-o"],
        ["report", "build", "--agency", "XS-ZRZY", "--year", "2024", "-o"],
        ["backup", "-o"],
    ],
)
def test_an_output_into_a_missing_folder_is_a_usage_error(command: list[str], tmp_path: Path) -> None:
    make_agency()
    error = failure(*command, str(tmp_path / "missing" / "out.file"))
    assert error.returncode == 1
    assert "文件夹不存在" in str(error) and "missing" in str(error)


@pytest.mark.parametrize("year", ["25", "99999", "0"])
def test_a_year_of_other_than_four_digits_is_a_usage_error(year: str) -> None:
    make_agency()
    error = failure("report", "build", "--agency", "XS-ZRZY", "--year", year)
    assert error.returncode == 2 and "四位数字" in str(error)


def test_a_year_not_yet_begun_is_built_only_as_a_draft() -> None:
    from django.utils import timezone

    make_agency()
    next_year = str(timezone.localdate().year + 1)
    error = failure("report", "build", "--agency", "XS-ZRZY", "--year", next_year)
    assert error.returncode == 1 and "尚未开始" in str(error) and "--draft" in str(error)
    out = StringIO()
    call_command(
        "report",
        "build",
        "--agency",
        "XS-ZRZY",
        "--year",
        next_year,
        "--draft",
        stdout=out,
        stderr=StringIO(),
    )
    assert f'"year": {next_year}' in out.getvalue()
