"""条例第三十一条: in person, the day of submission; registered post, the day signed for; ordinary post,
fax and online, the day both sides confirm. A date of receipt in the future is refused."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.models import ApplicationEvent, EventKind, Status
from gongkai.applications.services import ActionRefused, application_confirm_receipt, application_register
from gongkai.applications.tests.factories import PERSON, SHANGHAI, Cast, make_cast

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


@time_machine.travel(datetime(2025, 3, 3, 10, tzinfo=SHANGHAI), tick=False)
def test_an_application_handed_in_person_is_received_the_same_day(cast: Cast) -> None:
    application = application_register(
        actor=cast.staff, agency=cast.agency, channel="in_person", applicant=ApplicantDetails(**PERSON)
    ).application
    assert application.received_on == date(2025, 3, 3)
    assert application.status == Status.IN_PROGRESS
    assert application.due_date == date(2025, 3, 31)


def test_a_registered_letter_is_received_the_day_it_was_signed_for(cast: Cast) -> None:
    application = application_register(
        actor=cast.staff,
        agency=cast.agency,
        channel="letter",
        letter_kind="registered",
        received_on=date(2025, 3, 4),
        applicant=ApplicantDetails(**PERSON),
    ).application
    assert application.received_on == date(2025, 3, 4)
    assert application.status == Status.IN_PROGRESS


def test_a_registered_letter_without_the_day_it_was_signed_for_is_refused(cast: Cast) -> None:
    with pytest.raises(ValidationError) as raised:
        application_register(
            actor=cast.staff,
            agency=cast.agency,
            channel="letter",
            letter_kind="registered",
            applicant=ApplicantDetails(**PERSON),
        )
    assert "签收" in raised.value.message_dict["received_on"][0]


@pytest.mark.parametrize(
    ("channel", "letter_kind"), [("letter", "ordinary"), ("fax", ""), ("online", ""), ("other", "")]
)
def test_ordinary_post_fax_and_online_applications_wait_until_both_sides_confirm(
    cast: Cast, channel: str, letter_kind: str
) -> None:
    application = application_register(
        actor=cast.staff,
        agency=cast.agency,
        channel=channel,
        letter_kind=letter_kind,
        applicant=ApplicantDetails(**PERSON),
    ).application
    assert application.received_on is None
    assert application.status == Status.PENDING_RECEIPT
    assert application.due_date is None

    application_confirm_receipt(actor=cast.staff, application=application, received_on=date(2025, 3, 5))
    assert application.received_on == date(2025, 3, 5)
    assert application.status == Status.IN_PROGRESS
    assert application.due_date == date(2025, 4, 2)
    confirmed = application.events.get(kind=EventKind.RECEIPT_CONFIRMED)
    assert confirmed.effective_on == date(2025, 3, 5)
    assert confirmed.before["status"] == "pending_receipt"
    assert confirmed.after["due_date"] == "2025-04-02"


def test_a_fax_already_confirmed_at_registration_is_received_that_day(cast: Cast) -> None:
    application = application_register(
        actor=cast.staff,
        agency=cast.agency,
        channel="fax",
        received_on=date(2025, 3, 6),
        applicant=ApplicantDetails(**PERSON),
    ).application
    assert application.status == Status.IN_PROGRESS
    assert application.received_on == date(2025, 3, 6)


@time_machine.travel(datetime(2025, 3, 3, 10, tzinfo=SHANGHAI), tick=False)
def test_a_receipt_date_in_the_future_is_refused_at_registration_and_at_confirmation(cast: Cast) -> None:
    with pytest.raises(ValidationError) as raised:
        application_register(
            actor=cast.staff,
            agency=cast.agency,
            channel="in_person",
            received_on=date(2025, 3, 4),
            applicant=ApplicantDetails(**PERSON),
        )
    assert "不能晚于今天" in raised.value.message_dict["received_on"][0]

    application = application_register(
        actor=cast.staff, agency=cast.agency, channel="fax", applicant=ApplicantDetails(**PERSON)
    ).application
    with pytest.raises(ValidationError):
        application_confirm_receipt(actor=cast.staff, application=application, received_on=date(2025, 3, 4))
    application.refresh_from_db()
    assert application.received_on is None
    assert not ApplicationEvent.objects.filter(kind=EventKind.RECEIPT_CONFIRMED).exists()


def test_receipt_cannot_be_confirmed_twice(cast: Cast) -> None:
    application = application_register(
        actor=cast.staff,
        agency=cast.agency,
        channel="fax",
        received_on=date(2025, 3, 6),
        applicant=ApplicantDetails(**PERSON),
    ).application
    with pytest.raises(ActionRefused, match="办理中"):
        application_confirm_receipt(actor=cast.staff, application=application, received_on=date(2025, 3, 7))
    application.refresh_from_db()
    assert application.received_on == date(2025, 3, 6)
