"""Each event is told once, and only to its own applicant: a repeated call sends nothing more, and no
e-mail carries another application's number or applicant."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import Any

import pytest
import time_machine
from django.core import mail

from gongkai.applications.models import EventKind, Result
from gongkai.applications.notifications import notify_applicant
from gongkai.applications.services import application_draft_reply, application_sign_reply
from gongkai.applications.tests.factories import COMPANY, SHANGHAI, make_cast, register
from gongkai.core.models import Notification

pytestmark = pytest.mark.django_db

Capture = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


@pytest.fixture(autouse=True)
def a_week_later() -> Any:
    with time_machine.travel(datetime(2025, 3, 10, 10, tzinfo=SHANGHAI), tick=False):
        yield


def test_telling_the_same_event_again_sends_nothing_more(django_capture_on_commit_callbacks: Capture) -> None:
    cast = make_cast()
    with django_capture_on_commit_callbacks(execute=True):
        application = register(cast, date(2025, 3, 3))
    event = application.events.get(kind=EventKind.REGISTERED)
    with django_capture_on_commit_callbacks(execute=True):
        notify_applicant(event)
        notify_applicant(event)
    assert len(mail.outbox) == 1
    assert Notification.objects.count() == 1


def test_an_e_mail_names_only_its_own_application_and_applicant(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    cast = make_cast()
    mine = register(cast, date(2025, 3, 3))
    theirs = register(cast, date(2025, 3, 3), **{**COMPANY, "email": "office@yongjiang.example.cn"})
    application_draft_reply(actor=cast.staff, application=mine, result=Result.DISCLOSED)
    with django_capture_on_commit_callbacks(execute=True):
        application_sign_reply(actor=cast.head, application=mine, replied_on=date(2025, 3, 10))
    (message,) = mail.outbox
    assert message.to == ["zhangsan@example.cn"]
    assert message.cc == [] and message.bcc == []
    text = str(message.subject) + str(message.body)
    assert mine.number in text and "张三" in text
    for other in (theirs.number, theirs.applicant_name, theirs.email, "李四"):
        assert other not in text
