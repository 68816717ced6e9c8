"""An online application is numbered at once, so its applicant can follow it, and waits for staff to
confirm receipt (条例第三十一条: 以双方确认之日为收到申请之日) before the reply period runs."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.models import Channel, EventKind, Source, Status
from gongkai.applications.selectors import get_application_for_applicant
from gongkai.applications.services import application_confirm_receipt, application_submit_online
from gongkai.applications.tests.factories import PERSON, SHANGHAI, Cast, make_cast

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


@time_machine.travel(datetime(2025, 3, 7, 22, 30, tzinfo=SHANGHAI), tick=False)
def test_an_online_application_is_numbered_and_pending_until_staff_confirm(cast: Cast) -> None:
    application, query_code = application_submit_online(
        agency=cast.agency, applicant=ApplicantDetails(**PERSON)
    )
    assert application.channel == Channel.ONLINE
    assert application.source == Source.PORTAL
    assert application.status == Status.PENDING_RECEIPT
    assert application.received_on is None
    assert application.due_date is None
    assert application.number == "2025-0001"
    assert get_application_for_applicant(application.number, query_code) == application
    submitted = application.events.get()
    assert submitted.kind == EventKind.SUBMITTED
    assert submitted.actor is None


@time_machine.travel(datetime(2025, 3, 10, 9, tzinfo=SHANGHAI), tick=False)
def test_the_reply_period_runs_from_the_day_staff_confirm(cast: Cast) -> None:
    with time_machine.travel(datetime(2025, 3, 7, 22, 30, tzinfo=SHANGHAI), tick=False):
        application = application_submit_online(
            agency=cast.agency, applicant=ApplicantDetails(**PERSON)
        ).application
    application_confirm_receipt(actor=cast.staff, application=application, received_on=date(2025, 3, 10))
    assert application.due_date == date(2025, 4, 8)  # 2025-04-04 清明节


@time_machine.travel(datetime(2025, 3, 10, 9, tzinfo=SHANGHAI), tick=False)
def test_receipt_cannot_be_confirmed_before_the_application_was_submitted(cast: Cast) -> None:
    application = application_submit_online(
        agency=cast.agency, applicant=ApplicantDetails(**PERSON)
    ).application
    with pytest.raises(ValidationError) as raised:
        application_confirm_receipt(actor=cast.staff, application=application, received_on=date(2025, 3, 7))
    assert "不能早于提交日期" in raised.value.message_dict["received_on"][0]


@time_machine.travel(datetime(2025, 3, 10, 9, tzinfo=SHANGHAI), tick=False)
def test_another_platform_that_already_confirmed_receipt_passes_its_date(cast: Cast) -> None:
    application = application_submit_online(
        agency=cast.agency,
        source=Source.API,
        received_on=date(2025, 3, 10),
        applicant=ApplicantDetails(**PERSON),
    ).application
    assert application.status == Status.IN_PROGRESS
    assert application.due_date == date(2025, 4, 8)  # 2025-04-04 清明节


def test_the_public_portal_cannot_set_the_date_of_receipt(cast: Cast) -> None:
    with pytest.raises(ValidationError) as raised:
        application_submit_online(
            agency=cast.agency, received_on=date(2025, 3, 10), applicant=ApplicantDetails(**PERSON)
        )
    assert "received_on" in raised.value.message_dict
