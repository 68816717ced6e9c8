"""A year that already has a stored report keeps it, with the review of its findings, unless the user
ticks “替换”; the refusal is in Chinese and stores nothing of the upload (all or none)."""

from __future__ import annotations

import pytest

from gongkai.reports.models import AuditFinding, PublishedReport
from gongkai.reports.tests.audit_web_factories import client_for, make_cast, seed_bytes, store, upload

pytestmark = pytest.mark.django_db


def test_a_second_upload_of_a_stored_year_is_refused_and_keeps_the_stored_report() -> None:
    cast = make_cast()
    [stored] = store(cast.staff, cast.cixi, seed_bytes("003"))
    finding = stored.findings.first()
    client = client_for(cast.staff)
    client.post(f"/staff/reports/findings/{finding.pk}/review/", {"status": "confirmed", "note": "属实"})

    response = upload(client, [seed_bytes("000"), ("again.txt", seed_bytes("003")[1])], agency="NB-CX")
    assert response.status_code == 400
    body = response.content.decode()
    assert "慈溪市人民政府办公室2020年度已存有已发布的年度报告" in body
    assert "如需替换已存的报告，请勾选此项后重新上传。" in body
    assert list(PublishedReport.objects.values_list("pk", flat=True)) == [stored.pk]  # 2018 not stored either
    finding.refresh_from_db()
    assert (finding.status, finding.note) == (AuditFinding.Status.CONFIRMED, "属实")


def test_ticking_replace_stores_the_new_report_in_place_of_the_old() -> None:
    cast = make_cast()
    [stored] = store(cast.staff, cast.cixi, seed_bytes("003"))
    response = upload(
        client_for(cast.staff), [("new.txt", seed_bytes("003")[1])], agency="NB-CX", replace=True
    )
    assert response.status_code == 302
    [report] = PublishedReport.objects.all()
    assert report.pk != stored.pk
    assert report.source_name == "new.txt"
    assert not AuditFinding.objects.filter(report_id=stored.pk).exists()


def test_an_unreadable_file_stores_nothing_of_the_upload() -> None:
    cast = make_cast()
    response = upload(client_for(cast.staff), [seed_bytes("002"), ("空白.txt", b"  ")], agency="NB-CX")
    assert response.status_code == 400
    body = response.content.decode()
    assert "未导入任何报告：有文件无法审核。" in body
    assert "空白.txt：文件为空" in body
    assert not PublishedReport.objects.exists()
