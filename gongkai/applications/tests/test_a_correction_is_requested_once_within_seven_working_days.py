"""条例第三十条: the body tells the applicant what to correct within 7 working days of receipt, once, with
a reasonable period (as a rule at most 15 working days). A late or second request is refused and logged."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from gongkai.applications.models import Application, EventKind, Status
from gongkai.applications.services import (
    ActionRefused,
    application_receive_correction,
    application_request_correction,
)
from gongkai.applications.tests.factories import Cast, make_cast, register
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def request(cast: Cast, application: Application, notified_on: date, period: int = 10, **extra: str) -> None:
    application_request_correction(
        actor=cast.staff,
        application=application,
        notified_on=notified_on,
        items="请写明文件名称或文号",
        period_workdays=period,
        **extra,
    )


def test_a_notice_on_the_seventh_working_day_is_accepted(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    request(cast, application, date(2025, 3, 12))
    assert application.status == Status.AWAITING_CORRECTION


def test_a_notice_after_the_seventh_working_day_is_refused_logged_and_changes_nothing(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    with pytest.raises(ActionRefused) as raised:
        request(cast, application, date(2025, 3, 13))
    assert "7个工作日内" in raised.value.messages[0]
    assert "2025-03-12" in raised.value.messages[0]
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS
    assert application.due_date == date(2025, 3, 31)
    assert not application.events.filter(kind=EventKind.CORRECTION_REQUESTED).exists()
    refusal = AuditLog.objects.get(action="application_request_correction")
    assert refusal.outcome == AuditLog.Outcome.REFUSED
    assert refusal.actor == cast.staff


def test_the_seven_days_skip_holidays(cast: Cast) -> None:
    # Received 2025-09-30: 10-01 … 10-08 are off, 10-11 is worked: the 7th working day is 10-14.
    application = register(cast, date(2025, 9, 30))
    request(cast, application, date(2025, 10, 14))
    assert application.status == Status.AWAITING_CORRECTION


def test_a_second_correction_is_refused(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    request(cast, application, date(2025, 3, 5))
    application_receive_correction(actor=cast.staff, application=application, received_on=date(2025, 3, 6))
    with pytest.raises(ActionRefused, match="一次性告知"):
        request(cast, application, date(2025, 3, 7))
    assert application.events.filter(kind=EventKind.CORRECTION_REQUESTED).count() == 1


def test_a_correction_period_over_fifteen_working_days_needs_a_reason(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    with pytest.raises(ValidationError) as raised:
        request(cast, application, date(2025, 3, 5), period=20)
    assert "一般不超过15个工作日" in raised.value.message_dict["period_workdays"][0]
    request(
        cast,
        application,
        date(2025, 3, 5),
        period=20,
        long_period_reason="申请人在外地，需要较长时间取得材料",
    )
    assert application.events.get(kind=EventKind.CORRECTION_REQUESTED).data["period_workdays"] == 20


def test_the_items_to_correct_must_be_stated(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    with pytest.raises(ValidationError) as raised:
        application_request_correction(
            actor=cast.staff,
            application=application,
            notified_on=date(2025, 3, 5),
            items=" ",
            period_workdays=10,
        )
    assert "补正的事项" in raised.value.message_dict["items"][0]
