"""导出台账 downloads the body's register as XLSX, all of it or one year's receipts; a supervising office
may export too. A bad year is explained in Chinese and nothing is downloaded."""

from __future__ import annotations

import io
from datetime import date

import pytest
import time_machine
from openpyxl import load_workbook

from gongkai.core.models import AuditLog
from gongkai.workbench.tests.factories import client_for, make_cast, register

pytestmark = pytest.mark.django_db

NOW = "2025-06-16 10:00 +0800"
URL = "/staff/agencies/NB-FGW/register/export/"


def numbers(content: bytes) -> list[str]:
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("受理编号", "申请人类型", "收到日期")
    return [row[0] for row in rows[1:]]


@time_machine.travel(NOW, tick=False)
def test_the_whole_register_or_one_year_is_downloaded() -> None:
    cast = make_cast()
    earlier = register(cast, date(2024, 12, 30))
    later = register(cast, date(2025, 3, 3))
    client = client_for(cast.staff)
    form = client.get(URL)
    assert form.status_code == 200
    assert "导出 XLSX" in form.content.decode()

    everything = client.get(URL, {"year": ""})
    assert everything.status_code == 200
    assert everything["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in everything["Content-Disposition"]
    assert numbers(everything.content) == [earlier.number, later.number]

    one_year = client.get(URL, {"year": "2025"})
    assert numbers(one_year.content) == [later.number]
    assert "2025" in one_year["Content-Disposition"]
    logs = AuditLog.objects.filter(action="register_export").order_by("id")
    assert [(log.actor, log.detail["year"]) for log in logs] == [(cast.staff, None), (cast.staff, 2025)]


@time_machine.travel(NOW, tick=False)
def test_a_supervisor_may_export_but_applicants_particulars_are_not_in_the_file() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    response = client_for(cast.supervisor).get(URL, {"year": ""})
    assert response.status_code == 200
    assert numbers(response.content) == [application.number]
    cells = [
        str(value)
        for row in load_workbook(io.BytesIO(response.content), read_only=True)
        .worksheets[0]
        .iter_rows(values_only=True)
        for value in row
    ]
    assert application.applicant_name not in cells
    assert application.applicant_id_number not in cells


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("2007", "年度应在 2008 年至 2025 年之间"),
        ("2026", "年度应在 2008 年至 2025 年之间"),
        ("二〇二五", "输入整数"),
    ],
)
def test_a_bad_year_is_explained_and_nothing_is_exported(year: str, message: str) -> None:
    cast = make_cast()
    response = client_for(cast.staff).get(URL, {"year": year})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert message in page
    assert not AuditLog.objects.filter(action="register_export").exists()
