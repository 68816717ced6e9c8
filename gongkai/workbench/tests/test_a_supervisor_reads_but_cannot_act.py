"""A supervising office (主管部门) reads every application below it and changes nothing: no action is
offered, and a posted action is refused (403, logged)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications.models import ApplicationEvent, Status
from gongkai.core.models import AuditLog
from gongkai.workbench.tests.factories import client_for, make_cast, register

pytestmark = pytest.mark.django_db


def test_a_supervisor_reads_the_queue_and_the_application_without_actions() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    client = client_for(cast.supervisor)
    queue = client.get("/staff/agencies/NB-FGW/applications/").content.decode()
    assert application.number in queue
    assert "只读" in queue
    assert "/staff/agencies/NB-FGW/applications/new/" not in queue
    page = client.get(f"/staff/applications/{application.pk}/").content.decode()
    assert application.description in page
    assert "您对本机关的申请只有查看权限" in page
    assert "/actions/" not in page


def test_an_action_posted_by_a_supervisor_is_refused_and_logged() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    events = ApplicationEvent.objects.count()
    response = client_for(cast.supervisor).post(
        f"/staff/applications/{application.pk}/actions/request_correction/",
        {
            "request_correction-notified_on": "2025-03-04",
            "request_correction-items": "请写明文号",
            "request_correction-period_workdays": "10",
        },
    )
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS
    assert ApplicationEvent.objects.count() == events
    refusal = AuditLog.objects.get(outcome=AuditLog.Outcome.REFUSED)
    assert refusal.actor == cast.supervisor


def test_a_supervisor_cannot_open_the_intake_form() -> None:
    cast = make_cast()
    assert client_for(cast.supervisor).get("/staff/agencies/NB-FGW/applications/new/").status_code == 403
