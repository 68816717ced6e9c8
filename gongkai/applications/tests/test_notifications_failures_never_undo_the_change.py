"""A mail server that refuses the e-mail does not undo the change it reports: the application is saved,
the failure is logged and recorded, and a later attempt for the same event sends it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import Any

import pytest
import time_machine
from django.core import mail
from pytest_django.fixtures import Settings

from gongkai.applications.models import Application, EventKind, Status
from gongkai.applications.notifications import send_notification
from gongkai.applications.tests.factories import SHANGHAI, make_cast, register
from gongkai.core.models import Notification

pytestmark = pytest.mark.django_db

Capture = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


@pytest.fixture(autouse=True)
def monday() -> Any:
    with time_machine.travel(datetime(2025, 3, 3, 10, tzinfo=SHANGHAI), tick=False):
        yield


def refusing_mail_server(settings: Settings) -> None:
    """A real SMTP connection to a port where nothing listens: the connection is refused."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9
    settings.EMAIL_TIMEOUT = 2


def test_a_refused_e_mail_leaves_the_application_registered_and_is_recorded_as_failed(
    settings: Settings, caplog: pytest.LogCaptureFixture, django_capture_on_commit_callbacks: Capture
) -> None:
    cast = make_cast()
    refusing_mail_server(settings)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        application = register(cast, date(2025, 3, 3))
    saved = Application.objects.get(pk=application.pk)
    assert saved.status == Status.IN_PROGRESS
    assert saved.events.filter(kind=EventKind.REGISTERED).exists()
    record = Notification.objects.get()
    assert record.outcome == Notification.Outcome.FAILED
    assert "ConnectionRefusedError" in record.error
    assert any(
        "申请人通知发送失败" in r.getMessage() and application.number in r.getMessage()
        for r in caplog.records
    )


def test_a_failed_e_mail_is_sent_by_a_later_attempt(
    settings: Settings, django_capture_on_commit_callbacks: Capture
) -> None:
    cast = make_cast()
    refusing_mail_server(settings)
    with django_capture_on_commit_callbacks(execute=True):
        application = register(cast, date(2025, 3, 3))
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    event = application.events.get(kind=EventKind.REGISTERED)
    record = send_notification(event.pk)
    assert record is not None and record.outcome == Notification.Outcome.SENT
    assert record.sent_at is not None and record.error == ""
    assert len(mail.outbox) == 1
    assert Notification.objects.count() == 1
