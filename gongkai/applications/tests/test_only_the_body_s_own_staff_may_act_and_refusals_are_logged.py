"""Every action checks the actor's role for the application's body: staff or head act; a supervising
office reads and never acts; anyone else is refused. Each refusal is logged and changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.models import Application, ApplicationEvent, Status
from gongkai.applications.services import (
    allowed_actions,
    application_confirm_receipt,
    application_register,
    application_withdraw,
)
from gongkai.applications.tests.factories import PERSON, Cast, make_cast, register
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def test_staff_of_another_body_cannot_register_for_this_one(cast: Cast) -> None:
    with pytest.raises(PermissionDenied, match="无权办理"):
        application_register(
            actor=cast.outsider, agency=cast.agency, channel="in_person", applicant=ApplicantDetails(**PERSON)
        )
    assert not Application.objects.exists()
    refusal = AuditLog.objects.get(action="application_register")
    assert (refusal.outcome, refusal.actor, refusal.agency) == (
        AuditLog.Outcome.REFUSED,
        cast.outsider,
        cast.agency,
    )


@pytest.mark.parametrize("who", ["outsider", "supervisor", "anonymous"])
def test_only_staff_and_head_may_change_an_application(cast: Cast, who: str) -> None:
    application = register(cast, None, channel="fax")
    actor = AnonymousUser() if who == "anonymous" else getattr(cast, who)
    assert allowed_actions(application, actor) == []
    with pytest.raises(PermissionDenied):
        application_confirm_receipt(actor=actor, application=application, received_on=date(2025, 3, 4))
    with pytest.raises(PermissionDenied):
        application_withdraw(actor=actor, application=application, withdrawn_on=date(2025, 3, 4))
    application.refresh_from_db()
    assert application.status == Status.PENDING_RECEIPT
    assert ApplicationEvent.objects.filter(application=application).count() == 1
    refusals = AuditLog.objects.filter(outcome=AuditLog.Outcome.REFUSED).order_by("id")
    assert [r.action for r in refusals] == ["application_confirm_receipt", "application_withdraw"]
    assert all(r.object_id == str(application.pk) for r in refusals)


def test_the_head_may_do_what_staff_do(cast: Cast) -> None:
    application = register(cast, None, channel="fax")
    application_confirm_receipt(actor=cast.head, application=application, received_on=date(2025, 3, 4))
    assert application.events.last().actor == cast.head  # type: ignore[union-attr]
