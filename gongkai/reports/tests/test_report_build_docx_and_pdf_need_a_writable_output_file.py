"""`report build --to docx|pdf` writes a file named with -o (required: usage error, exit 2, without it);
-o into a folder that does not exist is one clear Chinese error, exit 1, no traceback, nothing written."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.appeals.tests.factories import make_agency

pytestmark = pytest.mark.django_db


def build(code: str, *args: str) -> tuple[StringIO, StringIO]:
    out, err = StringIO(), StringIO()
    call_command("report", "build", "--agency", code, "--year", "2023", *args, stdout=out, stderr=err)
    return out, err


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_without_o_it_is_a_usage_error(kind: str) -> None:
    agency = make_agency()
    with pytest.raises(CommandError) as raised:
        call_command(
            "report", "build", "--agency", agency.code, "--year", "2023", "--to", kind, stdout=StringIO()
        )
    assert raised.value.returncode == 2
    assert "-o" in str(raised.value)


def test_it_writes_the_docx_and_says_where_on_stderr(tmp_path: Path) -> None:
    agency = make_agency()
    target = tmp_path / "report.docx"
    out, err = build(agency.code, "--to", "docx", "-o", str(target))
    assert target.read_bytes().startswith(b"PK\x03\x04")
    assert out.getvalue() == "" and str(target) in err.getvalue()
    assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]  # no temporary file left behind


def test_html_goes_to_stdout_as_a_whole_document() -> None:
    agency = make_agency()
    html = build(agency.code, "--to", "html")[0].getvalue()
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert "象山县自然资源和规划局" in html and "<script" not in html


def gongkai(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "gongkai.cli", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False, timeout=120)  # noqa: S603 - the test's own arguments


def test_a_missing_folder_is_one_clear_error_without_a_traceback(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "GONGKAI_DATA_DIR": str(tmp_path),
    }
    target = tmp_path / "missing" / "report.pdf"
    completed = gongkai(
        "report", "build", "--agency", "XS-ZRZY", "--year", "2023", "--to", "pdf", "-o", str(target), env=env
    )
    assert completed.returncode == 1
    assert completed.stdout == ""
    assert completed.stderr.strip() == f"错误：输出文件夹不存在：{target.parent}（请先创建该文件夹）"
    assert not target.parent.exists()


def test_an_existing_file_is_replaced_whole(tmp_path: Path) -> None:
    agency = make_agency()
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    call_command(
        "report", "build", "--agency", agency.code, "--year", "2023", "-o", str(target), stderr=StringIO()
    )
    assert target.read_text(encoding="utf-8").startswith("{")
