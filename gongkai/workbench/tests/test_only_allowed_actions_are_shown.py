"""The application page offers exactly the actions `services.allowed_actions` allows this user now:
the head's actions only to the head, none on a closed application but recording a delivery."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib.auth.models import User

from gongkai.applications import services
from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.models import Application
from gongkai.core.models import AuditLog
from gongkai.workbench.tests.factories import PERSON, client_for, make_cast, register

pytestmark = pytest.mark.django_db


def offered(user: User, application: Application) -> list[str]:
    page = client_for(user).get(f"/staff/applications/{application.pk}/").content.decode()
    return re.findall(r'<details class="[^"]*" id="action-(\w+)"', page)


def allowed(user: User, application: Application) -> list[str]:
    return [name.removeprefix("application_") for name in services.allowed_actions(application, user)]


def test_staff_see_the_actions_of_an_application_in_progress_but_not_the_heads() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    shown = offered(cast.staff, application)
    assert shown == allowed(cast.staff, application)
    assert "draft_reply" in shown and "request_correction" in shown
    assert "extend" not in shown and "sign_reply" not in shown and "confirm_receipt" not in shown


def test_the_head_also_sees_the_extension() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    shown = offered(cast.head, application)
    assert shown == allowed(cast.head, application)
    assert "extend" in shown


def test_an_online_application_offers_the_confirmation_of_receipt() -> None:
    cast = make_cast()
    application = services.application_submit_online(
        agency=cast.agency, applicant=ApplicantDetails(**PERSON)
    ).application
    assert offered(cast.staff, application) == allowed(cast.staff, application)
    assert "confirm_receipt" in offered(cast.staff, application)
    assert "draft_reply" not in offered(cast.staff, application)


def test_a_closed_application_offers_only_the_delivery_of_its_reply() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    services.application_draft_reply(actor=cast.staff, application=application, result="disclosed")
    services.application_sign_reply(actor=cast.head, application=application, replied_on=date(2025, 3, 10))
    assert offered(cast.head, application) == ["record_delivery"]


def test_an_extension_posted_by_staff_is_refused_and_logged() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    response = client_for(cast.staff).post(
        f"/staff/applications/{application.pk}/actions/extend/",
        {
            "extend-workdays": "20",
            "extend-reason": "需要检索的档案较多",
            "extend-approved_on": "2025-03-20",
            "extend-notified_on": "2025-03-20",
        },
    )
    assert response.status_code == 403
    assert "负责人" in response.content.decode()
    application.refresh_from_db()
    assert not application.events.filter(kind="extended").exists()
    assert AuditLog.objects.filter(outcome=AuditLog.Outcome.REFUSED, actor=cast.staff).count() == 1
