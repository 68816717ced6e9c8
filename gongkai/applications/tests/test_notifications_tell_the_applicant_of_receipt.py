"""The applicant is e-mailed when the application is received (条例第三十一条), with its number, the due
date and a link to the status page, but never the query code; without an address nothing is sent."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import Any

import pytest
import time_machine
from django.core import mail

from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.models import Source
from gongkai.applications.services import application_confirm_receipt, application_submit_online
from gongkai.applications.tests.factories import PERSON, SHANGHAI, Cast, make_cast, register
from gongkai.core.models import Notification

pytestmark = pytest.mark.django_db

Capture = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


@pytest.fixture(autouse=True)
def monday() -> Any:
    with time_machine.travel(datetime(2025, 3, 3, 10, tzinfo=SHANGHAI), tick=False):
        yield


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def test_an_application_registered_in_person_is_acknowledged_by_e_mail(
    cast: Cast, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        application = register(cast, date(2025, 3, 3))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["zhangsan@example.cn"]
    assert application.number in message.subject
    assert "宁波市发展和改革委员会" in message.subject
    assert "2025年3月3日 收到" in message.body
    # 20 working days after Monday 3 March 2025: Monday 31 March.
    assert "答复期限为 2025年3月31日" in message.body
    assert "http://127.0.0.1:8000/status/" in message.body
    record = Notification.objects.get()
    assert (record.outcome, record.recipient, record.application) == (
        Notification.Outcome.SENT,
        "zhangsan@example.cn",
        application,
    )


def test_the_query_code_is_never_in_the_e_mail(
    cast: Cast, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        created = application_submit_online(
            agency=cast.agency,
            source=Source.API,
            received_on=date(2025, 3, 3),
            applicant=ApplicantDetails(**PERSON),
        )
    assert len(mail.outbox) == 1
    assert created.query_code not in mail.outbox[0].body
    assert created.query_code not in mail.outbox[0].subject


def test_an_online_application_is_acknowledged_only_once_receipt_is_confirmed(
    cast: Cast, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        created = application_submit_online(agency=cast.agency, applicant=ApplicantDetails(**PERSON))
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        application_confirm_receipt(
            actor=cast.staff, application=created.application, received_on=date(2025, 3, 3)
        )
    assert len(mail.outbox) == 1
    assert "已收到您的申请" in mail.outbox[0].subject


def test_nothing_is_sent_to_an_applicant_without_an_e_mail_address(
    cast: Cast, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        register(cast, date(2025, 3, 3), email="", delivery_method="post")
    assert mail.outbox == []
    assert not Notification.objects.exists()
