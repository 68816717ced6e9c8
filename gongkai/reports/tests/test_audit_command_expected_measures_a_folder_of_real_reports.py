"""`gongkai report audit --expected DIR` prints the reader's accuracy on a folder laid out like
../shared/corpus: per report and overall, as a table or as JSON; exit 0 once measured, 1 when the folder
has no usable expected files, 2 when report files or --previous are given with it or nothing is given."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.reports.tests.corpus.forms import seed

REAL_REPORTS = Path(__file__).resolve().parent / "real_reports"


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "expected").mkdir()
    (tmp_path / "beilun_2018.txt").write_bytes(seed("001").read_bytes())
    expected = {"file": "beilun_2018.txt", "cells": {"requests.new_received.total": 1}, "defects": []}
    (tmp_path / "expected" / "beilun.json").write_text(json.dumps(expected), encoding="utf-8")
    return tmp_path


def test_the_table_names_every_report_and_the_overall_figures(tmp_path: Path) -> None:
    out = StringIO()
    call_command("report", "audit", "--expected", str(_folder(tmp_path)), stdout=out)
    text = out.getvalue()
    assert "单元格对" in text and "问题发现" in text and "多报错误" in text
    assert "beilun_2018.txt" in text
    assert "合计" in text
    assert "单元格：1 个中读对" in text


def test_json_gives_the_figures_of_each_report_and_overall() -> None:
    out = StringIO()
    call_command("report", "audit", "--expected", str(REAL_REPORTS), "--json", stdout=out)
    measured = json.loads(out.getvalue())
    files = {report["file"] for report in measured["reports"]}
    assert "pingtan_2023.html" in files and "hongze_2024.pdf" in files
    overall = measured["overall"]
    assert overall["reports"] == 9
    assert overall["cells_right"] == sum(r["figures"]["cells_right"] for r in measured["reports"])
    assert {"cells_wrong", "cells_missing", "defects_found", "defects_missed", "unlisted_errors"} <= set(
        overall
    )


def test_the_expected_folder_itself_may_be_given() -> None:
    out = StringIO()
    call_command("report", "audit", "--expected", str(REAL_REPORTS / "expected"), "--json", stdout=out)
    assert json.loads(out.getvalue())["overall"]["reports"] == 9


def test_a_folder_without_expected_files_is_exit_1(tmp_path: Path) -> None:
    with pytest.raises(CommandError) as raised:
        call_command("report", "audit", "--expected", str(tmp_path), stdout=StringIO())
    assert raised.value.returncode == 1
    assert "没有 expected 目录" in str(raised.value)


@pytest.mark.parametrize(
    "arguments",
    [
        ["--expected", "DIR", "report.txt"],
        ["--expected", "DIR", "--previous", "previous.txt"],
        [],
    ],
)
def test_report_files_with_expected_or_no_argument_at_all_are_usage_errors(
    tmp_path: Path, arguments: list[str]
) -> None:
    arguments = [str(_folder(tmp_path)) if a == "DIR" else a for a in arguments]
    with pytest.raises(CommandError) as raised:
        call_command("report", "audit", *arguments, stdout=StringIO())
    assert raised.value.returncode == 2
