"""An import stores every file or none: an unreadable file, a year that cannot be told, two files of
one year, or an unknown body reject the whole command (exit 1) with the reasons in Chinese."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.agencies.services import agency_add
from gongkai.core.models import AuditLog
from gongkai.reports.models import PublishedReport
from gongkai.reports.tests.corpus.forms import seed

pytestmark = pytest.mark.django_db


def _rejected(*args: str) -> str:
    with pytest.raises(CommandError) as raised:
        call_command("report", "import", *args, stdout=StringIO(), stderr=StringIO())
    assert raised.value.returncode == 1
    assert not PublishedReport.objects.exists()
    assert not AuditLog.objects.filter(action="published_report_import").exists()
    return str(raised.value)


def test_one_unreadable_file_stops_the_others(tmp_path: Path) -> None:
    agency_add(code="CX", name="慈溪市人民政府办公室")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 garbage")
    message = _rejected(str(seed("002")), str(scan), "--agency", "CX")
    assert "未导入任何报告" in message
    assert str(scan) in message


def test_two_files_of_one_year_are_rejected() -> None:
    agency_add(code="CX", name="慈溪市政府办公室")
    message = _rejected(str(seed("000")), str(seed("000")), "--agency", "CX")
    assert "同为 2018 年度的报告" in message


def test_a_report_whose_year_cannot_be_told_is_rejected(tmp_path: Path) -> None:
    agency_add(code="CX", name="慈溪市政府办公室")
    table_only = tmp_path / "table.txt"
    lines = seed("000").read_text(encoding="utf-8").split("\n")
    table_only.write_text(
        "\n".join(line for line in lines if line.startswith("\t") or not line.strip()), encoding="utf-8"
    )
    assert "无法从标题或正文确定报告年度" in _rejected(str(table_only), "--agency", "CX")


def test_an_unknown_body_is_rejected() -> None:
    assert "机关不存在：NOPE" in _rejected(str(seed("000")), "--agency", "NOPE")


def test_several_years_are_stored_together() -> None:
    agency_add(code="CX", name="慈溪市人民政府办公室")
    call_command(
        "report",
        "import",
        str(seed("000")),
        str(seed("002")),
        "--agency",
        "CX",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    assert sorted(PublishedReport.objects.values_list("year", flat=True)) == [2018, 2023]
