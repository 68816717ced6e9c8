"""Staff pages: a stranger is refused (403, logged); staff draft through the form and get Chinese errors for
bad input (a fake PDF, a missing title) with nothing saved; the catalog is edited; the reviewer scans the
published items; the head sets the year the register is complete from, and the figures appear."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from gongkai.core.models import AuditLog
from gongkai.publications.models import Category, Finding, Publication
from gongkai.publications.tests.factories import category, draft, make_cast, publish

pytestmark = pytest.mark.django_db


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_strangers_are_refused_and_logged() -> None:
    cast = make_cast()
    item = draft(cast)
    outsider = client_for(cast.outsider)
    assert outsider.get("/staff/publications/agencies/NB-FGW/").status_code == 403
    assert outsider.get(f"/staff/publications/{item.pk}/").status_code == 403
    assert outsider.post(f"/staff/publications/{item.pk}/actions/submit/").status_code == 403
    assert AuditLog.objects.filter(outcome="refused", actor=cast.outsider).count() == 3
    assert client_for(cast.supervisor).get(f"/staff/publications/{item.pk}/").status_code == 200  # reads


def test_drafting_through_the_form_with_errors_in_chinese() -> None:
    cast = make_cast()
    staff = client_for(cast.staff)
    empty = staff.post(
        "/staff/publications/agencies/NB-FGW/new/",
        {"title": "", "topic": "general", "genre": "notice", "kind": "document"},
    )
    assert empty.status_code == 200 and "这个字段是必填项" in empty.content.decode()
    made = staff.post(
        "/staff/publications/agencies/NB-FGW/new/",
        {"title": "关于开展节能检查的通知", "topic": "general", "genre": "notice", "kind": "document",
         "category": category(cast.agency, "监督检查").pk, "body": "<p>请各单位<script>x()</script>做好准备。</p>", "channels": ["website", "wechat"]},
    )  # fmt: skip
    item = Publication.objects.get(title="关于开展节能检查的通知")
    assert made.status_code == 302 and "<script" not in item.body and item.channels == ["website", "wechat"]
    fake = SimpleUploadedFile("报告.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    refused = staff.post(f"/staff/publications/{item.pk}/actions/attach/", {"file": fake})
    assert refused.status_code == 400 and "不是可接受的文件" in refused.content.decode()
    assert item.attachments.count() == 0
    wrong_state = staff.post(f"/staff/publications/{item.pk}/actions/approve/", {})
    assert wrong_state.status_code == 403  # the head's action


def test_the_catalog_is_edited_by_staff() -> None:
    cast = make_cast()
    staff = client_for(cast.staff)
    parent = category(cast.agency, "统计信息")
    staff.post(
        "/staff/publications/agencies/NB-FGW/catalog/", {"op": "add", "name": "月度统计", "parent": parent.pk}
    )
    added = Category.objects.get(agency=cast.agency, name="月度统计")
    assert added.parent == parent and added.path == f"{parent.path}{added.pk}/"
    staff.post(
        "/staff/publications/agencies/NB-FGW/catalog/",
        {"op": "rename", "category": added.pk, "name": "统计月报"},
    )
    staff.post(
        "/staff/publications/agencies/NB-FGW/catalog/", {"op": "move", "category": added.pk, "parent": ""}
    )
    added.refresh_from_db()
    assert added.name == "统计月报" and added.parent is None and added.path == f"/{added.pk}/"
    used = category(cast.agency, "其他文件")
    draft(cast, category=used)
    page = staff.post(
        "/staff/publications/agencies/NB-FGW/catalog/", {"op": "delete", "category": used.pk}, follow=True
    )
    assert "不能删除" in page.content.decode() and Category.objects.filter(pk=used.pk).exists()
    assert (
        client_for(cast.reviewer)
        .post("/staff/publications/agencies/NB-FGW/catalog/", {"op": "add", "name": "x"})
        .status_code
        == 403
    )


def test_scan_of_published_items_and_the_statistics() -> None:
    cast = make_cast()
    item = publish(cast, draft(cast, kind="normative", category=category(cast.agency, "行政规范性文件")))
    Publication.objects.filter(pk=item.pk).update(
        body="<p>举报电话 13800138000</p>"
    )  # changed outside the review
    reviewer = client_for(cast.reviewer)
    reviewer.post("/staff/publications/agencies/NB-FGW/findings/")
    assert Finding.objects.filter(publication=item, kind="mobile", after_publication=True).exists()
    assert "13800138000" in reviewer.get("/staff/publications/agencies/NB-FGW/findings/").content.decode()

    assert item.published_on is not None  # published above
    year = item.published_on.year
    staff_page = client_for(cast.staff).get(f"/staff/publications/agencies/NB-FGW/statistics/?year={year}")
    assert "手工填报" in staff_page.content.decode()
    assert (
        client_for(cast.staff)
        .post("/staff/publications/agencies/NB-FGW/statistics/", {"complete_from": year})
        .status_code
        == 403
    )
    client_for(cast.head).post("/staff/publications/agencies/NB-FGW/statistics/", {"complete_from": year})
    page = (
        client_for(cast.head)
        .get(f"/staff/publications/agencies/NB-FGW/statistics/?year={year}")
        .content.decode()
    )
    assert "本年制发件数" in page or "本年新制作数量" in page
