"""Each action is possible only in certain statuses; otherwise it is refused with a Chinese message,
logged, and nothing is saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from gongkai.applications.models import Result, Status
from gongkai.applications.services import (
    ActionRefused,
    application_draft_reply,
    application_end_consultation,
    application_extend,
    application_receive_correction,
    application_record_payment,
    application_request_correction,
    application_sign_reply,
    application_start_consultation,
)
from gongkai.applications.tests.factories import Cast, make_cast, register
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def test_a_closed_application_accepts_no_further_step(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_draft_reply(actor=cast.staff, application=application, result=Result.DISCLOSED)
    application_sign_reply(actor=cast.head, application=application, replied_on=date(2025, 3, 10))
    events_before = list(application.events.values_list("id", flat=True))
    attempts: list[Callable[[], object]] = [
        lambda: application_request_correction(
            actor=cast.staff,
            application=application,
            notified_on=date(2025, 3, 11),
            items="x",
            period_workdays=5,
        ),
        lambda: application_start_consultation(
            actor=cast.staff, application=application, sent_on=date(2025, 3, 11), party="第三方"
        ),
        lambda: application_extend(
            actor=cast.head,
            application=application,
            workdays=5,
            approved_on=date(2025, 3, 11),
            notified_on=date(2025, 3, 11),
            reason="x",
        ),
        lambda: application_draft_reply(actor=cast.staff, application=application, result=Result.DISCLOSED),
        lambda: application_sign_reply(actor=cast.head, application=application),
    ]
    for attempt in attempts:
        with pytest.raises(ActionRefused, match="已办结"):
            attempt()
    application.refresh_from_db()
    assert (application.status, application.closed_on, application.result) == (
        Status.CLOSED,
        date(2025, 3, 10),
        Result.DISCLOSED,
    )
    assert list(application.events.values_list("id", flat=True)) == events_before
    assert AuditLog.objects.filter(outcome=AuditLog.Outcome.REFUSED).count() == len(attempts)


def test_steps_that_belong_to_another_status_are_refused(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    with pytest.raises(ActionRefused, match="办理中"):
        application_receive_correction(
            actor=cast.staff, application=application, received_on=date(2025, 3, 5)
        )
    with pytest.raises(ActionRefused):
        application_end_consultation(
            actor=cast.staff, application=application, answered_on=date(2025, 3, 5), outcome="agreed"
        )
    with pytest.raises(ActionRefused):
        application_record_payment(actor=cast.staff, application=application, paid_on=date(2025, 3, 5))
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS
    assert application.events.count() == 1


def test_no_reply_is_drafted_while_a_consultation_is_open(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_start_consultation(
        actor=cast.staff, application=application, sent_on=date(2025, 3, 5), party="第三方"
    )
    with pytest.raises(ActionRefused, match="征求意见中"):
        application_draft_reply(actor=cast.staff, application=application, result=Result.DISCLOSED)
