"""`allowed_actions` lists what this user may do to this application now: the UI offers only those."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications.models import Result
from gongkai.applications.services import (
    allowed_actions,
    application_draft_reply,
    application_request_correction,
    application_start_consultation,
)
from gongkai.applications.tests.factories import Cast, make_cast, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def test_an_application_in_progress(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    staff_actions = [
        "application_request_correction",
        "application_start_consultation",
        "application_notify_fee",
        "application_withdraw",
        "application_draft_reply",
    ]
    assert allowed_actions(application, cast.staff) == staff_actions
    assert allowed_actions(application, cast.head) == [
        "application_request_correction",
        "application_start_consultation",
        "application_extend",
        "application_notify_fee",
        "application_withdraw",
        "application_draft_reply",
    ]


def test_an_application_pending_receipt(cast: Cast) -> None:
    application = register(cast, None, channel="online")
    assert allowed_actions(application, cast.staff) == ["application_confirm_receipt", "application_withdraw"]


def test_an_application_awaiting_correction(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_request_correction(
        actor=cast.staff,
        application=application,
        notified_on=date(2025, 3, 4),
        items="请写明文号",
        period_workdays=5,
    )
    # The period ended long ago (today is after 2025), so it may lapse.
    assert allowed_actions(application, cast.staff) == [
        "application_receive_correction",
        "application_lapse_correction",
        "application_withdraw",
        "application_record_delivery",
    ]


def test_a_consultation_and_a_draft(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_start_consultation(
        actor=cast.staff, application=application, sent_on=date(2025, 3, 4), party="第三方"
    )
    assert allowed_actions(application, cast.head) == [
        "application_start_consultation",
        "application_end_consultation",
        "application_extend",
        "application_withdraw",
    ]
    other = register(cast, date(2025, 3, 3))
    application_draft_reply(actor=cast.staff, application=other, result=Result.DISCLOSED)
    assert "application_sign_reply" in allowed_actions(other, cast.head)
    assert "application_sign_reply" not in allowed_actions(other, cast.staff)
