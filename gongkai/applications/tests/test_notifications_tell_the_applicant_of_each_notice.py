"""A correction request, an extension, a fee notice and the reply each reach the applicant by e-mail with
what they must know: what to correct and by when, the new due date, the amount and the payment date,
the decision with the reply's full text and remedies."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import Any

import pytest
import time_machine
from django.core import mail

from gongkai.applications.models import Application, Result
from gongkai.applications.services import (
    application_draft_reply,
    application_extend,
    application_notify_fee,
    application_request_correction,
    application_sign_reply,
)
from gongkai.applications.tests.factories import SHANGHAI, Cast, make_cast, register

pytestmark = pytest.mark.django_db

Capture = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]
RECEIVED = date(2025, 3, 3)


@pytest.fixture(autouse=True)
def a_week_later() -> Any:
    with time_machine.travel(datetime(2025, 3, 10, 10, tzinfo=SHANGHAI), tick=False):
        yield


@pytest.fixture
def cast() -> Cast:
    return make_cast()


@pytest.fixture
def application(cast: Cast) -> Application:
    return register(cast, RECEIVED)


def test_a_correction_request_names_the_items_and_the_period(
    cast: Cast, application: Application, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        application_request_correction(
            actor=cast.staff,
            application=application,
            notified_on=date(2025, 3, 5),
            items="请写明所需文件的文号或形成时间。",
            period_workdays=10,
        )
    (message,) = mail.outbox
    assert "请补正" in message.subject
    assert "请写明所需文件的文号或形成时间。" in message.body
    # 10 working days after Wednesday 5 March 2025: Wednesday 19 March.
    assert "补正期限：10个工作日，至 2025年3月19日" in message.body
    assert "条例》第三十条" in message.body


def test_an_extension_gives_the_new_due_date_and_the_reason(
    cast: Cast, application: Application, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        application_extend(
            actor=cast.head,
            application=application,
            workdays=10,
            approved_on=date(2025, 3, 10),
            notified_on=date(2025, 3, 10),
            reason="需要调取档案。",
        )
    (message,) = mail.outbox
    assert "延长答复期限" in message.subject
    # 20 + 10 working days after 3 March 2025, 清明 (Friday 4 April) not counted: Tuesday 15 April.
    assert "延长后的答复期限为 2025年4月15日" in message.body
    assert "需要调取档案。" in message.body


def test_a_fee_notice_gives_the_amount_and_the_last_day_to_pay(
    cast: Cast, application: Application, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        application_notify_fee(
            actor=cast.staff,
            application=application,
            method="by_volume",
            pages=50,
            notified_on=date(2025, 3, 10),
        )
    (message,) = mail.outbox
    assert "收费通知" in message.subject
    # 国办函〔2020〕109号 第五条: pages 31–50 at 10 元.
    assert "收费金额：200元" in message.body
    # 20 working days after Monday 10 March 2025, 清明 (Friday 4 April) not counted: Tuesday 8 April.
    assert "至 2025年4月8日" in message.body


def test_the_reply_gives_the_decision_and_the_remedies(
    cast: Cast, application: Application, django_capture_on_commit_callbacks: Capture
) -> None:
    application_draft_reply(actor=cast.staff, application=application, result=Result.DISCLOSED)
    with django_capture_on_commit_callbacks(execute=True):
        application_sign_reply(actor=cast.head, application=application, replied_on=date(2025, 3, 10))
    (message,) = mail.outbox
    assert "已答复您的申请" in message.subject
    assert "作出答复：予以公开" in message.body
    assert "60日内" in message.body and "6个月内" in message.body
    assert "宁波市人民政府申请行政复议" in message.body


def test_drafting_a_reply_tells_the_applicant_nothing(
    cast: Cast, application: Application, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        application_draft_reply(actor=cast.staff, application=application, result=Result.DISCLOSED)
    assert mail.outbox == []
