"""条例第三十条: an applicant who does not correct in time is taken to have abandoned the application
(report row 三（六）1) — but only once the correction period has run out, counted from the day the
notice was served."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine

from gongkai.applications.models import Application, EventKind, Result, Status
from gongkai.applications.services import (
    ActionRefused,
    allowed_actions,
    application_lapse_correction,
    application_record_delivery,
    application_request_correction,
)
from gongkai.applications.tests.factories import SHANGHAI, Cast, make_cast, register
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db


def at(day: date) -> time_machine.travel:
    return time_machine.travel(datetime(day.year, day.month, day.day, 10, tzinfo=SHANGHAI), tick=False)


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def requested(cast: Cast) -> Application:
    with at(date(2025, 3, 5)):
        application = register(cast, date(2025, 3, 3))
        application_request_correction(
            actor=cast.staff,
            application=application,
            notified_on=date(2025, 3, 5),
            items="请写明文件名称",
            period_workdays=10,
        )
    return application


def test_on_the_last_day_of_the_period_it_cannot_lapse_yet(cast: Cast) -> None:
    application = requested(cast)
    with at(date(2025, 3, 19)):
        assert "application_lapse_correction" not in allowed_actions(application, cast.staff)
        with pytest.raises(ActionRefused, match="2025-03-19 届满"):
            application_lapse_correction(actor=cast.staff, application=application)
    application.refresh_from_db()
    assert application.status == Status.AWAITING_CORRECTION
    assert AuditLog.objects.filter(action="application_lapse_correction", outcome="refused").count() == 1


def test_the_day_after_the_period_it_closes_as_no_correction(cast: Cast) -> None:
    application = requested(cast)
    with at(date(2025, 3, 20)):
        assert "application_lapse_correction" in allowed_actions(application, cast.staff)
        application_lapse_correction(actor=cast.staff, application=application)
    assert application.status == Status.CLOSED
    assert application.result == Result.OTHER_NO_CORRECTION
    assert application.closed_on == date(2025, 3, 20)
    assert application.events.filter(kind=EventKind.CORRECTION_LAPSED).count() == 1


def test_a_notice_served_later_moves_the_end_of_the_period(cast: Cast) -> None:
    application = requested(cast)
    notice = application.events.get(kind=EventKind.CORRECTION_REQUESTED)
    with at(date(2025, 3, 20)):
        application_record_delivery(
            actor=cast.staff,
            application=application,
            notice_event_id=notice.pk,
            method="post",
            delivered_on=date(2025, 3, 7),
            proof="EMS 1234567890",
        )
        with pytest.raises(ActionRefused, match="2025-03-21 届满"):
            application_lapse_correction(actor=cast.staff, application=application)
