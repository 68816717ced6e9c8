"""The probe's uploads: a user without a role is refused before a byte of the upload is read; each file is
capped by kind as it arrives (a 49 MB text file is dropped at 5 MB, never held in memory) and named in a
Chinese error; a request larger than the total cap is refused before it is read; a DOCX that expands to
100 MB (a decompression bomb) is refused at once, not read for a minute."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from gongkai.core.tests.upload_spies import chunks_read, zip_bomb
from gongkai.reports.models import PublishedReport
from gongkai.reports.tests.audit_web_factories import client_for, make_cast, seed_bytes, upload
from gongkai.reports.views import UPLOAD_LIMITS

pytestmark = pytest.mark.django_db

__all__ = ["chunks_read"]
MB = 1024 * 1024


def test_a_user_without_a_role_is_refused_before_the_upload_is_read(chunks_read: list[int]) -> None:
    make_cast()
    nobody = User.objects.create_user(username="nobody", password="x")
    client = Client(enforce_csrf_checks=True)  # as a browser: the CSRF check would read the body
    client.force_login(nobody)
    big = SimpleUploadedFile("report.txt", b"x" * (3 * MB))
    response = client.post("/staff/reports/upload/", {"report_files": [big], "mode": "audit"})
    assert response.status_code == 403
    assert chunks_read == []


def test_a_text_file_past_its_cap_is_named_and_nothing_is_audited(chunks_read: list[int]) -> None:
    cast = make_cast()
    oversized = ("huge.txt", b"2023\xe5\xb9\xb4" * (UPLOAD_LIMITS.text // 7 + MB))
    response = upload(client_for(cast.staff), [seed_bytes("002"), oversized], agency="NB-CX")
    html = response.content.decode()
    assert response.status_code == 400
    assert "huge.txt：超过纯文本、网页文件的上限 5 MB，未读取" in html
    assert not PublishedReport.objects.exists()
    assert sum(chunks_read) < UPLOAD_LIMITS.text + 2 * MB  # the rest was thrown away as it came


def test_a_docx_or_pdf_may_be_larger_but_not_without_limit() -> None:
    cast = make_cast()
    scanned = ("scanned.pdf", b"%PDF-1.7\n" + b"0" * (UPLOAD_LIMITS.binary + MB))
    response = upload(client_for(cast.staff), [scanned], mode="audit")
    assert response.status_code == 400
    assert "scanned.pdf：超过Word、Excel、PDF 文件的上限 20 MB，未读取" in response.content.decode()


def test_a_request_past_the_total_cap_is_refused_before_it_is_read(chunks_read: list[int]) -> None:
    cast = make_cast()
    client = client_for(cast.staff)
    response = client.post(
        "/staff/reports/upload/",
        {"report_files": [SimpleUploadedFile(*seed_bytes("002"))], "mode": "audit"},
        CONTENT_LENGTH=str(UPLOAD_LIMITS.total + MB),
    )
    assert response.status_code == 413
    assert "超过上限 100 MB，请分批上传" in response.content.decode()
    assert chunks_read == []


def test_a_docx_bomb_is_refused_at_once_with_a_clear_error() -> None:
    cast = make_cast()
    bomb = zip_bomb()
    assert len(bomb) < 1 * MB
    started = time.monotonic()
    response = upload(client_for(cast.staff), [("炸弹.docx", bomb)], mode="audit")
    assert time.monotonic() - started < 10
    html = response.content.decode()
    assert "炸弹.docx" in html and "疑似压缩炸弹" in html
