"""Someone without a role for the report's body gets the 403 page for its report, its review, its export
and its history; each refusal is in the audit log and nothing changes. Lists show only readable reports."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.test import Client

from gongkai.core.models import AuditLog
from gongkai.reports.models import AuditFinding, PublishedReport
from gongkai.reports.services import published_reports_upload
from gongkai.reports.tests.audit_web_factories import client_for, make_cast, seed_bytes, store, upload

pytestmark = pytest.mark.django_db


def refusals() -> list[AuditLog]:
    return list(AuditLog.objects.filter(outcome=AuditLog.Outcome.REFUSED))


@pytest.mark.parametrize(
    ("path", "action"),
    [
        ("/staff/reports/{pk}/", "published_report_view"),
        ("/staff/reports/{pk}/findings.xlsx", "published_report_export"),
        ("/staff/reports/?ids={pk}", "published_report_batch"),
        ("/staff/reports/findings.xlsx?ids={pk}", "published_report_export"),
        ("/staff/reports/agencies/NB-CX/history/", "published_report_history"),
    ],
)
def test_the_pages_of_another_body_s_reports_are_refused_and_logged(path: str, action: str) -> None:
    cast = make_cast()
    [report] = store(cast.staff, cast.cixi, seed_bytes("002"))
    response = client_for(cast.outsider).get(path.format(pk=report.pk))
    assert response.status_code == 403
    assert "无权查看慈溪市人民政府办公室的年度报告" in response.content.decode()
    assert "慈溪市人民政府办公室2023年政府信息公开工作年度报告" not in response.content.decode()
    [refusal] = refusals()
    assert (refusal.action, refusal.actor, refusal.agency) == (action, cast.outsider, cast.cixi)


def test_reviewing_another_body_s_finding_is_refused_logged_and_changes_nothing() -> None:
    cast = make_cast()
    [report] = store(cast.staff, cast.cixi, seed_bytes("003"))
    finding = report.findings.order_by("position").first()
    response = client_for(cast.outsider).post(
        f"/staff/reports/findings/{finding.pk}/review/", {"status": "dismissed", "note": "不是问题"}
    )
    assert response.status_code == 403
    finding.refresh_from_db()
    assert (finding.status, finding.note, finding.reviewed_by) == (AuditFinding.Status.OPEN, "", None)
    [refusal] = refusals()
    assert (refusal.action, refusal.actor, refusal.object_id) == (
        "audit_finding_review",
        cast.outsider,
        str(finding.pk),
    )


def test_the_upload_offers_only_the_bodies_the_user_may_read() -> None:
    cast = make_cast()
    response = upload(client_for(cast.outsider), [seed_bytes("002")], agency="NB-CX")
    assert response.status_code == 400
    assert "选择一个有效的选项" in response.content.decode()
    assert not PublishedReport.objects.exists()


def test_storing_for_another_body_is_refused_by_the_service_and_logged() -> None:
    cast = make_cast()
    with pytest.raises(PermissionDenied):
        published_reports_upload(actor=cast.outsider, agency=cast.cixi, files=[seed_bytes("002")])
    assert not PublishedReport.objects.exists()
    [refusal] = refusals()
    assert (refusal.actor, refusal.agency) == (cast.outsider, cast.cixi)


def test_the_list_shows_only_the_reports_of_readable_bodies() -> None:
    cast = make_cast()
    [cixi] = store(cast.staff, cast.cixi, seed_bytes("002"))
    [xiangshan] = store(cast.outsider, cast.xiangshan, seed_bytes("003"))
    outsider_page = client_for(cast.outsider).get("/staff/reports/").content.decode()
    assert f'href="/staff/reports/{xiangshan.pk}/"' in outsider_page
    assert f'href="/staff/reports/{cixi.pk}/"' not in outsider_page
    supervisor_page = client_for(cast.supervisor).get("/staff/reports/").content.decode()
    assert f'href="/staff/reports/{xiangshan.pk}/"' in supervisor_page
    assert f'href="/staff/reports/{cixi.pk}/"' in supervisor_page


def test_the_pages_require_signing_in() -> None:
    make_cast()
    response = Client().get("/staff/reports/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")


def test_a_user_without_any_role_cannot_audit_and_is_logged() -> None:
    make_cast()
    nobody = User.objects.create_user(username="nobody", password="x")
    response = upload(client_for(nobody), [seed_bytes("002")], mode="audit")
    assert response.status_code == 403
    assert "您在任何机关都没有角色，不能上传和审核年度报告。" in response.content.decode()
    [refusal] = refusals()
    assert (refusal.action, refusal.actor) == ("published_report_audit", nobody)
