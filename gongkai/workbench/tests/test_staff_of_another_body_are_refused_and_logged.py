"""Staff of another body get the 403 page in Chinese for a body's queue; another body's application and its
actions answer as an application that does not exist (the same 404 as a wrong id, naming no body); every
refusal is in the audit log and nothing changes."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications.models import ApplicationEvent
from gongkai.core.models import AuditLog
from gongkai.workbench.tests.factories import client_for, make_cast, register

pytestmark = pytest.mark.django_db


def refusals() -> list[AuditLog]:
    return list(AuditLog.objects.filter(outcome=AuditLog.Outcome.REFUSED))


def test_the_queue_of_another_body_is_refused_and_logged() -> None:
    cast = make_cast()
    response = client_for(cast.outsider).get("/staff/agencies/NB-FGW/applications/")
    assert response.status_code == 403
    assert "无权查看宁波市发展和改革委员会" in response.content.decode()
    [refusal] = refusals()
    assert refusal.actor == cast.outsider
    assert refusal.agency == cast.agency


def test_an_application_of_another_body_is_refused_and_logged() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    client = client_for(cast.outsider)
    response = client.get(f"/staff/applications/{application.pk}/")
    missing = client.get("/staff/applications/99999999/")
    assert response.status_code == missing.status_code == 404
    page = response.content.decode()
    assert "申请不存在，或您无权查看。" in page and page == missing.content.decode()
    assert application.applicant_name not in page and cast.agency.name not in page
    [refusal] = refusals()
    assert (refusal.actor, refusal.object_id) == (cast.outsider, str(application.pk))


def test_an_action_on_an_application_of_another_body_is_refused_logged_and_changes_nothing() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    events = ApplicationEvent.objects.count()
    response = client_for(cast.outsider).post(
        f"/staff/applications/{application.pk}/actions/withdraw/", {"withdraw-withdrawn_on": "2025-03-04"}
    )
    assert response.status_code == 404
    assert ApplicationEvent.objects.count() == events
    application.refresh_from_db()
    assert application.is_open
    assert [r.actor for r in refusals()] == [cast.outsider]


def test_the_intake_form_of_another_body_is_refused_and_logged() -> None:
    cast = make_cast()
    response = client_for(cast.outsider).get("/staff/agencies/NB-FGW/applications/new/")
    assert response.status_code == 403
    assert "无权办理" in response.content.decode()
    assert len(refusals()) == 1


def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login_page() -> None:
    make_cast()
    from django.test import Client

    response = Client().get("/staff/agencies/NB-FGW/applications/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")
