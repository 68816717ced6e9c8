"""The audit's exit codes: 0 when every file was audited, whatever it found; 1 when a file could not
be read (after auditing the others) or --previous cannot be read; 2 for usage errors."""

from __future__ import annotations

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.reports.tests.corpus.forms import seed


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "gongkai.cli", "report", "audit", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)  # noqa: S603 - the test's own arguments


def test_from_the_command_line_findings_exit_0_an_unreadable_file_exit_1_and_a_bad_option_exit_2(
    tmp_path: Path,
) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text("关于召开会议的通知。请各单位准时参加。", encoding="utf-8")
    clean = _run(str(seed("003")), "--json")  # errors found, but audited
    assert clean.returncode == 0
    assert json.loads(clean.stdout)[0]["format"] == "2019"
    rejected = _run(str(notice), str(seed("001")))
    assert rejected.returncode == 1
    assert f"无法审核 {notice}：未找到年度报告的标题" in rejected.stderr
    assert "== " in rejected.stdout  # the other file was still audited
    usage = _run(str(seed("001")), "--no-such-option")
    assert usage.returncode == 2
    assert usage.stdout == ""


def test_an_unreadable_previous_year_report_is_rejected_before_auditing(tmp_path: Path) -> None:
    out = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command(
            "report", "audit", str(seed("002")), "--previous", str(tmp_path / "nope.txt"), stdout=out
        )
    assert raised.value.returncode == 1
    assert "上一年度报告无法读取" in str(raised.value)
    assert out.getvalue() == ""


def test_the_previous_year_report_is_given_to_the_rules(tmp_path: Path) -> None:
    # Seed 003 as if it were the 2022 report: it carried 1 application into the next year, which
    # seed 002 (2023) does not count as carried in.
    previous = tmp_path / "2022.txt"
    text = (
        seed("003")
        .read_text(encoding="utf-8")
        .replace("2020年政府信息公开工作年度报告", "2022年政府信息公开工作年度报告")
    )
    previous.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("report", "audit", str(seed("002")), "--previous", str(previous), "--json", stdout=out)
    [report] = json.loads(out.getvalue())
    assert "carry_over" in {finding["rule"] for finding in report["findings"]}
