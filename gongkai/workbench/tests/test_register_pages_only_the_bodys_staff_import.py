"""Only the body's staff and head import a register; a supervising office may export but not import;
staff of another body may do neither. Each refusal is the 403 page and a line in the audit log."""

from __future__ import annotations

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.applications.models import Application
from gongkai.core.models import AuditLog
from gongkai.workbench.tests.factories import client_for, make_cast

pytestmark = pytest.mark.django_db

NOW = "2025-06-16 10:00 +0800"
GOOD = (
    "受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果\n"
    "A-001,自然人,2025-03-03,网络,某项目的核准文件,2025-03-20,予以公开\n"
)


def upload() -> SimpleUploadedFile:
    return SimpleUploadedFile("台账.csv", GOOD.encode("utf-8"), content_type="text/csv")


def refusals() -> list[tuple[object, str]]:
    return [
        (log.actor, log.action)
        for log in AuditLog.objects.filter(outcome=AuditLog.Outcome.REFUSED).order_by("id")
    ]


@time_machine.travel(NOW, tick=False)
def test_a_supervisor_cannot_import_and_sees_no_import_button() -> None:
    cast = make_cast()
    client = client_for(cast.supervisor)
    queue = client.get("/staff/agencies/NB-FGW/applications/").content.decode()
    assert "导入台账" not in queue and "导出台账" in queue
    assert client.get("/staff/agencies/NB-FGW/register/import/").status_code == 403
    response = client.post("/staff/agencies/NB-FGW/register/import/", {"file": upload()})
    assert response.status_code == 403
    assert "无权办理" in response.content.decode()
    assert refusals() == [(cast.supervisor, "workbench_register_import")] * 2
    assert not Application.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_staff_of_another_body_can_neither_import_nor_export() -> None:
    cast = make_cast()
    client = client_for(cast.outsider)
    assert client.post("/staff/agencies/NB-FGW/register/import/", {"file": upload()}).status_code == 403
    response = client.get("/staff/agencies/NB-FGW/register/export/", {"year": ""})
    assert response.status_code == 403
    assert "无权查看宁波市发展和改革委员会" in response.content.decode()
    assert refusals() == [
        (cast.outsider, "workbench_register_import"),
        (cast.outsider, "workbench_register_export"),
    ]
    assert not Application.objects.exists()
    assert not AuditLog.objects.filter(action="register_export", outcome=AuditLog.Outcome.DONE).exists()


@time_machine.travel(NOW, tick=False)
def test_the_head_may_import() -> None:
    cast = make_cast()
    response = client_for(cast.head).post("/staff/agencies/NB-FGW/register/import/", {"file": upload()})
    assert response.status_code == 302
    assert Application.objects.filter(agency=cast.agency, number="A-001").exists()
