from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from gongkai.appeals.tests.factories import make_agency

pytestmark = pytest.mark.django_db


def test_with_o_it_writes_the_json_to_the_file_and_prints_nothing_on_stdout(tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "report.json"
    out, err = StringIO(), StringIO()
    call_command(
        "report",
        "build",
        "--agency",
        make_agency().code,
        "--year",
        "2023",
        "-o",
        str(target),
        stdout=out,
        stderr=err,
    )
    report = json.loads(target.read_text(encoding="utf-8"))
    assert report["year"] == 2023
    assert report["format"] == "2021"
    assert out.getvalue() == ""
    assert str(target) in err.getvalue()
    # The title ends in 年度报告: the notice names it once, not "…年度报告报告".
    assert "年度报告（草稿，JSON，2021格式）" in err.getvalue() and "报告报告" not in err.getvalue()
