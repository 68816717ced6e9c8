"""Staff draft the reply, the head signs and issues it: the application closes on the reply's date with
the decision as its result (a row of report table 三)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.applications.models import EventKind, Result, Status
from gongkai.applications.services import (
    ActionRefused,
    allowed_actions,
    application_draft_reply,
    application_sign_reply,
)
from gongkai.applications.tests.factories import Cast, make_cast, register
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def test_a_signed_reply_closes_with_its_date_and_decision(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_draft_reply(
        actor=cast.staff, application=application, result=Result.DISCLOSED, reasons="详见附件。"
    )
    assert "application_sign_reply" in allowed_actions(application, cast.head)
    reply = application_sign_reply(actor=cast.head, application=application, replied_on=date(2025, 3, 20))
    application.refresh_from_db()
    assert (application.status, application.closed_on, application.result) == (
        Status.CLOSED,
        date(2025, 3, 20),
        Result.DISCLOSED,
    )
    assert reply.kind == EventKind.REPLY_SIGNED
    assert reply.actor == cast.head
    assert reply.data["notice"]["decision"] == "予以公开"
    assert reply.before["status"] == "in_progress"
    assert reply.after["status"] == "closed"
    assert allowed_actions(application, cast.head) == ["application_record_delivery"]


def test_the_latest_draft_is_the_one_signed(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_draft_reply(actor=cast.staff, application=application, result=Result.DISCLOSED)
    application_draft_reply(actor=cast.staff, application=application, result=Result.UNAVAILABLE_NOT_HELD)
    application_sign_reply(actor=cast.head, application=application, replied_on=date(2025, 3, 20))
    assert application.result == Result.UNAVAILABLE_NOT_HELD


def test_staff_may_draft_but_not_sign(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_draft_reply(actor=cast.staff, application=application, result=Result.DISCLOSED)
    assert "application_sign_reply" not in allowed_actions(application, cast.staff)
    with pytest.raises(PermissionDenied):
        application_sign_reply(actor=cast.staff, application=application)
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS
    assert AuditLog.objects.filter(
        action="application_sign_reply", outcome="refused", actor=cast.staff
    ).exists()


def test_nothing_can_be_signed_before_a_draft(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    with pytest.raises(ActionRefused, match="答复稿"):
        application_sign_reply(actor=cast.head, application=application)


def test_a_refusal_to_disclose_must_give_its_reasons(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    with pytest.raises(ValidationError) as raised:
        application_draft_reply(
            actor=cast.staff, application=application, result=Result.WITHHELD_PROCESS_INFO
        )
    assert "理由" in raised.value.message_dict["reasons"][0]


def test_lapses_are_not_decided_by_a_reply(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    with pytest.raises(ValidationError) as raised:
        application_draft_reply(actor=cast.staff, application=application, result=Result.OTHER_NO_CORRECTION)
    assert "逾期" in raised.value.message_dict["result"][0]


def test_a_reply_cannot_be_dated_before_receipt(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_draft_reply(actor=cast.staff, application=application, result=Result.DISCLOSED)
    with pytest.raises(ValidationError):
        application_sign_reply(actor=cast.head, application=application, replied_on=date(2025, 3, 2))
