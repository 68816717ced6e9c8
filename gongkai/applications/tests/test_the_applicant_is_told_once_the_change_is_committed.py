"""Receipt, a correction request, an extension, a fee notice and the reply are news for the applicant:
the services hand them to `notifications.notify_applicant` once the transaction commits — not before,
not after a rollback, and not for internal steps."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.db import transaction

from gongkai.applications.models import Result
from gongkai.applications.services import (
    application_confirm_receipt,
    application_draft_reply,
    application_extend,
    application_notify_fee,
    application_request_correction,
    application_sign_reply,
    application_start_consultation,
)
from gongkai.applications.tests.factories import make_cast, register

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    pass


def test_receipt_is_told_only_after_commit(django_capture_on_commit_callbacks: Any) -> None:
    cast = make_cast()
    with django_capture_on_commit_callbacks(execute=True):
        register(cast, date(2025, 3, 3))
        assert mail.outbox == []
    assert [message.to for message in mail.outbox] == [["zhangsan@example.cn"]]


def test_an_application_not_yet_received_is_not_news(django_capture_on_commit_callbacks: Any) -> None:
    cast = make_cast()
    with django_capture_on_commit_callbacks(execute=True):
        application = register(cast, None, channel="online")
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        application_confirm_receipt(actor=cast.staff, application=application, received_on=date(2025, 3, 3))
    assert len(mail.outbox) == 1


def test_a_rolled_back_change_tells_nothing(django_capture_on_commit_callbacks: Any) -> None:
    cast = make_cast()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Rollback), transaction.atomic():
        register(cast, date(2025, 3, 3))
        raise Rollback
    assert mail.outbox == []


def test_correction_extension_and_reply_are_told_and_internal_steps_are_not(
    django_capture_on_commit_callbacks: Any,
) -> None:
    cast = make_cast()
    consulted, corrected, charged, replied = (register(cast, date(2025, 3, 3)) for _ in range(4))
    changes: dict[str, Callable[[], object]] = {
        "consultation": lambda: application_start_consultation(
            actor=cast.staff, application=consulted, sent_on=date(2025, 3, 4), party="第三方"
        ),
        "correction": lambda: application_request_correction(
            actor=cast.staff,
            application=corrected,
            notified_on=date(2025, 3, 4),
            items="请写明文号",
            period_workdays=5,
        ),
        "fee": lambda: application_notify_fee(
            actor=cast.staff, application=charged, method="by_volume", pages=50, notified_on=date(2025, 3, 5)
        ),
        "extension": lambda: application_extend(
            actor=cast.head,
            application=replied,
            workdays=5,
            approved_on=date(2025, 3, 20),
            notified_on=date(2025, 3, 20),
            reason="需要汇总",
        ),
        "draft": lambda: application_draft_reply(
            actor=cast.staff, application=replied, result=Result.DISCLOSED
        ),
        "reply": lambda: application_sign_reply(
            actor=cast.head, application=replied, replied_on=date(2025, 3, 25)
        ),
    }
    told = {}
    for name, change in changes.items():
        with django_capture_on_commit_callbacks() as callbacks:
            change()
        told[name] = len(callbacks)
    assert told == {"consultation": 0, "correction": 1, "fee": 1, "extension": 1, "draft": 0, "reply": 1}
