from __future__ import annotations

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from gongkai.agencies.services import agency_add
from gongkai.applications.models import Application, Channel

pytestmark = pytest.mark.django_db

HEADER = "受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果"
ROWS = [
    "2024-0099,法律服务机构,2024-12-30,当面,跨年的申请,2025-01-10,属于四类过程性信息",
    '2025-0001,自然人,2025-03-03,网络,=HYPERLINK("http://example.com"),2025-03-20,危及“三安全一稳定”',
    "2025-0002,社会公益组织,2025-03-04,信函,某项目的环评批复,,",
]
FIELDS = (
    "number",
    "applicant_type",
    "received_on",
    "channel",
    "description",
    "closed_on",
    "result",
    "status",
)


def _import(tmp_path: Path, code: str) -> None:
    path = tmp_path / "in.csv"
    path.write_text("\n".join([HEADER, *ROWS]), encoding="utf-8")
    call_command("applications", "import", str(path), "--agency", code, stdout=StringIO())


def _records(code: str) -> list[tuple[object, ...]]:
    return list(Application.objects.filter(agency__code=code).order_by("number").values_list(*FIELDS))


def test_an_exported_register_imports_again_into_the_same_records(tmp_path: Path) -> None:
    agency_add(code="A", name="甲局")
    agency_add(code="B", name="乙局")
    _import(tmp_path, "A")
    Application.objects.filter(number="2025-0002").update(channel=Channel.FAX)
    exported = tmp_path / "out.xlsx"
    err = StringIO()
    call_command("applications", "export", "--agency", "A", "-o", str(exported), stderr=err)
    assert "3 件" in err.getvalue()
    call_command("applications", "import", str(exported), "--agency", "B", stdout=StringIO())
    assert _records("B") == _records("A")


def test_the_export_has_the_register_columns_then_status_and_due_date_and_never_a_formula(
    tmp_path: Path,
) -> None:
    agency_add(code="A", name="甲局")
    _import(tmp_path, "A")
    exported = tmp_path / "out.xlsx"
    call_command("applications", "export", "--agency", "A", "-o", str(exported), stderr=StringIO())
    sheet = load_workbook(exported).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (*HEADER.split(","), "状态", "答复期限", "期限暂定")
    by_number = {row[0]: row for row in rows[1:]}
    assert by_number["2025-0002"][7] == "办理中"
    assert by_number["2025-0002"][8] is not None
    cell = next(c for c in sheet["E"] if c.value and str(c.value).startswith("="))
    assert cell.data_type == "s"


def test_with_a_year_only_applications_received_that_year_are_exported(tmp_path: Path) -> None:
    agency_add(code="A", name="甲局")
    _import(tmp_path, "A")
    exported = tmp_path / "out.xlsx"
    call_command(
        "applications", "export", "--agency", "A", "--year", "2024", "-o", str(exported), stderr=StringIO()
    )
    rows = list(load_workbook(exported).worksheets[0].iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["2024-0099"]
    assert rows[1][2].date() == date(2024, 12, 30)


def test_export_of_an_unknown_body_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(CommandError) as raised:
        call_command("applications", "export", "--agency", "NOPE", "-o", str(tmp_path / "x.xlsx"))
    assert raised.value.returncode == 1
