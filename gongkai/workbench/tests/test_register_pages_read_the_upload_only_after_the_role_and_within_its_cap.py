"""Importing a register on the web: a user who may not import for the body is refused before a byte of
the upload is read; a file past 20 MB is dropped as it arrives and named; an XLSX that announces a
decompression bomb is refused before it is opened; a file with thousands of bad rows lists the first few
hundred and says how many more there are, instead of a page of megabytes."""

from __future__ import annotations

import time

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from gongkai.applications.models import Application
from gongkai.core.tests.upload_spies import chunks_read, zip_bomb
from gongkai.workbench.register_views import ROW_ERRORS_SHOWN
from gongkai.workbench.tests.factories import client_for, make_cast

pytestmark = pytest.mark.django_db

__all__ = ["chunks_read"]
URL = "/staff/agencies/NB-FGW/register/import/"
HEADER = "受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果"
MB = 1024 * 1024


def test_staff_of_another_body_are_refused_before_the_upload_is_read(chunks_read: list[int]) -> None:
    cast = make_cast()
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.outsider)
    big = SimpleUploadedFile("台账.csv", (HEADER + "\n").encode() + b"A,b,c\n" * (600 * 1024))
    assert client.post(URL, {"file": big}).status_code == 403
    assert chunks_read == []


def test_a_file_past_the_cap_is_named_and_never_read_whole(chunks_read: list[int]) -> None:
    cast = make_cast()
    huge = SimpleUploadedFile("巨大的台账.csv", (HEADER + "\n").encode() + b"x" * (20 * MB + MB // 2))
    response = client_for(cast.staff).post(URL, {"file": huge})
    page = response.content.decode()
    assert response.status_code == 400
    assert "巨大的台账.csv：超过文件的上限 20 MB，未读取" in page
    assert sum(chunks_read) <= 21 * MB


def test_a_request_past_the_total_cap_is_refused_unread(chunks_read: list[int]) -> None:
    cast = make_cast()
    small = SimpleUploadedFile("台账.csv", (HEADER + "\n").encode())
    response = client_for(cast.staff).post(URL, {"file": small}, CONTENT_LENGTH=str(30 * MB))
    assert response.status_code == 413
    assert "超过上限 21 MB" in response.content.decode()
    assert chunks_read == []


def test_an_xlsx_bomb_is_refused_at_once() -> None:
    cast = make_cast()
    bomb = SimpleUploadedFile("台账.xlsx", zip_bomb("xl/worksheets/sheet1.xml"))
    started = time.monotonic()
    response = client_for(cast.staff).post(URL, {"file": bomb})
    assert time.monotonic() - started < 10
    assert response.status_code == 400
    assert "疑似压缩炸弹" in response.content.decode()
    assert not Application.objects.exists()


@time_machine.travel("2025-06-16 10:00 +0800", tick=False)
def test_thousands_of_bad_rows_list_the_first_few_hundred_and_a_count() -> None:
    cast = make_cast()
    rows = [HEADER] + [f"A-{n},外星人,2025-03-03,网络,某文件,," for n in range(5000)]
    response = client_for(cast.staff).post(
        URL, {"file": SimpleUploadedFile("台账.csv", "\n".join(rows).encode())}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "台账中有 5000 行有误，未导入任何申请" in page
    assert f"共 5000 行，以下列出前 {ROW_ERRORS_SHOWN} 行" in page
    assert f"另有 {5000 - ROW_ERRORS_SHOWN} 行有误" in page
    assert page.count("申请人类型“外星人”无法识别") == ROW_ERRORS_SHOWN
    assert len(response.content) < 500 * 1024
