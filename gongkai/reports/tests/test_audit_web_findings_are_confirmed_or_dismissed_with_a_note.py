"""A finding is confirmed or dismissed with a note by a plain form: the reviewer and the time are stored,
the review is logged with what it replaced, and a dismissal without a reason is refused in Chinese."""

from __future__ import annotations

import pytest

from gongkai.core.models import AuditLog
from gongkai.reports.models import AuditFinding
from gongkai.reports.tests.audit_web_factories import (
    Cast,
    client_for,
    html,
    make_cast,
    seed_bytes,
    store,
    text_of,
)

pytestmark = pytest.mark.django_db
Status = AuditFinding.Status


def a_finding() -> tuple[Cast, AuditFinding]:
    cast = make_cast()
    [report] = store(cast.staff, cast.cixi, seed_bytes("003"))
    finding = report.findings.filter(rule="detail_sum").order_by("position").first()
    assert finding is not None
    return cast, finding


def test_the_body_s_staff_confirm_a_finding_with_a_note() -> None:
    cast, finding = a_finding()
    response = client_for(cast.staff).post(
        f"/staff/reports/findings/{finding.pk}/review/", {"status": "confirmed", "note": "已通知起草科室更正"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/staff/reports/{finding.report_id}/#finding-{finding.pk}"
    finding.refresh_from_db()
    assert (finding.status, finding.note, finding.reviewed_by) == (
        Status.CONFIRMED,
        "已通知起草科室更正",
        cast.staff,
    )
    assert finding.reviewed_at is not None
    [entry] = AuditLog.objects.filter(action="audit_finding_review")
    assert (entry.outcome, entry.actor, entry.agency, entry.object_id) == (
        AuditLog.Outcome.DONE, cast.staff, cast.cixi, str(finding.pk),
    )  # fmt: skip
    assert entry.detail["before"]["status"] == "open"
    assert entry.detail["after"] == {
        "status": "confirmed",
        "note": "已通知起草科室更正",
        "reviewed_by": cast.staff.pk,
    }


def test_the_review_is_shown_on_the_report_page() -> None:
    cast, finding = a_finding()
    client = client_for(cast.staff)
    client.post(
        f"/staff/reports/findings/{finding.pk}/review/", {"status": "confirmed", "note": "已通知起草科室更正"}
    )
    page = html(client.get(f"/staff/reports/{finding.report_id}/"))
    article = page.get_element_by_id(f"finding-{finding.pk}")
    assert (
        "小陈" in text_of(article)
        and "已确认" in text_of(article)
        and "已通知起草科室更正" in text_of(article)
    )


def test_a_supervising_office_above_the_body_may_dismiss_a_finding() -> None:
    cast, finding = a_finding()
    response = client_for(cast.supervisor).post(
        f"/staff/reports/findings/{finding.pk}/review/", {"status": "dismissed", "note": "核对原件，数字无误"}
    )
    assert response.status_code == 302
    finding.refresh_from_db()
    assert (finding.status, finding.reviewed_by) == (Status.DISMISSED, cast.supervisor)


def test_a_dismissal_without_a_reason_is_refused_and_changes_nothing() -> None:
    cast, finding = a_finding()
    response = client_for(cast.staff).post(
        f"/staff/reports/findings/{finding.pk}/review/", {"status": "dismissed", "note": "  "}
    )
    assert response.status_code == 400
    article = html(response).get_element_by_id(f"finding-{finding.pk}")
    assert "排除一项审核发现时，请在核实意见中写明理由。" in text_of(article)
    assert article.xpath(".//details[@open]")
    finding.refresh_from_db()
    assert (finding.status, finding.reviewed_by) == (Status.OPEN, None)
    assert not AuditLog.objects.filter(action="audit_finding_review").exists()


def test_a_review_may_be_changed_and_both_are_logged() -> None:
    cast, finding = a_finding()
    client = client_for(cast.staff)
    client.post(f"/staff/reports/findings/{finding.pk}/review/", {"status": "confirmed", "note": ""})
    client.post(
        f"/staff/reports/findings/{finding.pk}/review/", {"status": "dismissed", "note": "复核后排除"}
    )
    finding.refresh_from_db()
    assert (finding.status, finding.note) == (Status.DISMISSED, "复核后排除")
    entries = list(AuditLog.objects.filter(action="audit_finding_review").order_by("id"))
    assert [entry.detail["after"]["status"] for entry in entries] == ["confirmed", "dismissed"]
    assert entries[1].detail["before"]["status"] == "confirmed"


def test_a_review_needs_a_decision() -> None:
    cast, finding = a_finding()
    response = client_for(cast.staff).post(
        f"/staff/reports/findings/{finding.pk}/review/", {"note": "看过了"}
    )
    assert response.status_code == 400
    finding.refresh_from_db()
    assert finding.status == Status.OPEN
