"""A register with bad rows imports nothing: the page lists every bad row with its line number and its
reasons in Chinese. A file that cannot be read at all, or no file, gets one clear message."""

from __future__ import annotations

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.applications.models import Application
from gongkai.core.models import AuditLog
from gongkai.workbench.tests.factories import client_for, make_cast

pytestmark = pytest.mark.django_db

NOW = "2025-06-16 10:00 +0800"
URL = "/staff/agencies/NB-FGW/register/import/"
HEADER = "受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果"


def upload(text: str, name: str = "台账.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


@time_machine.travel(NOW, tick=False)
def test_every_bad_row_is_listed_with_its_line_number_and_nothing_is_imported() -> None:
    cast = make_cast()
    text = "\n".join(
        [
            HEADER,
            "A-001,自然人,2025-03-03,网络,某项目的核准文件,2025-03-20,予以公开",
            "A-002,外星人,2025-03-04,网络,某文件,,",
            "",
            "A-001,自然人,2025/03/05,飞鸽,,2025-03-01,",
            "A-004,自然人,2025-07-01,网络,某文件,,",
        ]
    )
    response = client_for(cast.staff).post(URL, {"file": upload(text)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "台账中有 3 行有误，未导入任何申请" in page
    table = page[page.index('id="row-errors"') :]
    assert "有误的行（3 行）" in table
    assert table.index("第 3 行") < table.index("第 5 行") < table.index("第 6 行")
    assert "申请人类型“外星人”无法识别" in table
    assert "受理编号 A-001 与第 2 行重复" in table
    assert "收到日期应为 YYYY-MM-DD 格式：2025/03/05" in table
    assert "申请方式“飞鸽”无法识别" in table
    assert "申请内容为空" in table
    assert "答复日期与办理结果应同时填写" in table
    assert "收到日期 2025-07-01 晚于今天" in table
    assert not Application.objects.exists()
    assert not AuditLog.objects.filter(action="register_import").exists()


@time_machine.travel(NOW, tick=False)
def test_an_unreadable_file_a_wrong_header_or_no_file_is_explained() -> None:
    cast = make_cast()
    client = client_for(cast.staff)
    old_excel = SimpleUploadedFile("台账.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 64)
    page = client.post(URL, {"file": old_excel}).content.decode()
    assert "不能导入旧版 Excel（.xls）文件" in page
    gbk = SimpleUploadedFile("台账.csv", (HEADER + "\n").encode("gbk"))
    page = client.post(URL, {"file": gbk}).content.decode()
    assert "CSV 文件不是 UTF-8 编码" in page
    response = client.post(URL, {"file": upload("编号,日期\n1,2025-03-03\n")})
    assert response.status_code == 400
    assert "表头缺少列" in response.content.decode()
    assert 'id="row-errors"' not in response.content.decode()
    response = client.post(URL, {})
    assert response.status_code == 400
    assert "请选择要导入的台账文件" in response.content.decode()
    assert not Application.objects.exists()
