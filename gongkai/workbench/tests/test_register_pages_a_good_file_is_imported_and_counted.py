"""Staff import a register (台账) on the queue page: a good CSV (UTF-8) or XLSX file imports every row,
and the queue says how many, closed and open."""

from __future__ import annotations

import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from gongkai.applications.models import Application, Status
from gongkai.core.models import AuditLog
from gongkai.workbench.tests.factories import client_for, make_cast

pytestmark = pytest.mark.django_db

NOW = "2025-06-16 10:00 +0800"
HEADER = ["受理编号", "申请人类型", "收到日期", "申请方式", "申请内容", "答复日期", "办理结果"]
ROWS = [
    ["甬发改〔2025〕001", "自然人", "2025-03-03", "网络", "某项目的核准文件", "2025-03-20", "予以公开"],
    ["甬发改〔2025〕002", "商业企业", "2025-06-09", "信函", "某项目节能审查意见", "", ""],
]


def csv_file() -> SimpleUploadedFile:
    text = "\n".join(",".join(row) for row in [HEADER, *ROWS]) + "\n"
    return SimpleUploadedFile("台账.csv", b"\xef\xbb\xbf" + text.encode("utf-8"), content_type="text/csv")


def xlsx_file() -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    for row in [HEADER, *ROWS]:
        sheet.append(row)
    content = io.BytesIO()
    workbook.save(content)
    return SimpleUploadedFile("台账.xlsx", content.getvalue())


@time_machine.travel(NOW, tick=False)
def test_the_queue_links_to_the_import_form() -> None:
    cast = make_cast()
    client = client_for(cast.staff)
    queue = client.get("/staff/agencies/NB-FGW/applications/").content.decode()
    assert 'href="/staff/agencies/NB-FGW/register/import/">导入台账' in queue
    assert 'href="/staff/agencies/NB-FGW/register/export/">导出台账' in queue
    form = client.get("/staff/agencies/NB-FGW/register/import/").content.decode()
    assert 'type="file"' in form and 'enctype="multipart/form-data"' in form
    assert "受理编号、申请人类型、收到日期、申请方式、申请内容、答复日期、办理结果" in form


@pytest.mark.parametrize("upload", [csv_file, xlsx_file], ids=["csv", "xlsx"])
@time_machine.travel(NOW, tick=False)
def test_every_row_of_a_good_file_is_imported_and_the_queue_says_how_many(upload: object) -> None:
    cast = make_cast()
    client = client_for(cast.staff)
    response = client.post("/staff/agencies/NB-FGW/register/import/", {"file": upload()}, follow=True)  # type: ignore[operator]
    assert response.redirect_chain == [("/staff/agencies/NB-FGW/applications/", 302)]
    page = response.content.decode()
    assert "导入 2 件申请（已办结 1 件，办理中 1 件）" in page
    assert "甬发改〔2025〕002" in page  # the open one is in the queue
    imported = dict(Application.objects.filter(agency=cast.agency).values_list("number", "status"))
    assert imported == {"甬发改〔2025〕001": Status.CLOSED, "甬发改〔2025〕002": Status.IN_PROGRESS}
    log = AuditLog.objects.get(action="register_import")
    assert (log.actor, log.detail["rows"]) == (cast.staff, 2)
