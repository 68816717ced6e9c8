"""送达: how and when each notice (correction, extension, fee, reply) reached the applicant, with proof."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from gongkai.applications.models import EventKind, Result
from gongkai.applications.selectors import notices_with_deliveries
from gongkai.applications.services import (
    ActionRefused,
    application_draft_reply,
    application_extend,
    application_record_delivery,
    application_sign_reply,
)
from gongkai.applications.tests.factories import Cast, make_cast, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def test_the_reply_s_delivery_is_recorded_after_closing(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_draft_reply(actor=cast.staff, application=application, result=Result.DISCLOSED)
    reply = application_sign_reply(actor=cast.head, application=application, replied_on=date(2025, 3, 20))
    delivery = application_record_delivery(
        actor=cast.staff,
        application=application,
        notice_event_id=reply.pk,
        method="email",
        delivered_on=date(2025, 3, 20),
        proof="发送至 zhangsan@example.cn，系统记录 2025-03-20 10:02",
    )
    assert delivery.data == {
        "notice_event": reply.pk,
        "notice_kind": EventKind.REPLY_SIGNED,
        "method": "email",
        "proof": "发送至 zhangsan@example.cn，系统记录 2025-03-20 10:02",
    }
    [record] = notices_with_deliveries(application)
    assert record.notice == reply
    assert record.deliveries == [delivery]


def test_the_proof_the_method_and_a_notice_of_this_application_are_required(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    extension = application_extend(
        actor=cast.head,
        application=application,
        workdays=10,
        approved_on=date(2025, 3, 20),
        notified_on=date(2025, 3, 20),
        reason="需要汇总",
    ).events.get(kind=EventKind.EXTENDED)
    with pytest.raises(ValidationError) as raised:
        application_record_delivery(
            actor=cast.staff,
            application=application,
            notice_event_id=extension.pk,
            method="post",
            delivered_on=date(2025, 3, 21),
            proof="",
        )
    assert "送达凭证" in raised.value.message_dict["proof"][0]
    with pytest.raises(ValidationError) as raised:
        application_record_delivery(
            actor=cast.staff,
            application=application,
            notice_event_id=extension.pk,
            method="pigeon",
            delivered_on=date(2025, 3, 21),
            proof="x",
        )
    assert "送达方式" in raised.value.message_dict["method"][0]
    registered = application.events.get(kind=EventKind.REGISTERED)
    with pytest.raises(ValidationError) as raised:
        application_record_delivery(
            actor=cast.staff,
            application=application,
            notice_event_id=registered.pk,
            method="post",
            delivered_on=date(2025, 3, 21),
            proof="x",
        )
    assert "notice_event_id" in raised.value.message_dict
    with pytest.raises(ValidationError) as raised:
        application_record_delivery(
            actor=cast.staff,
            application=application,
            notice_event_id=extension.pk,
            method="post",
            delivered_on=date(2025, 3, 19),
            proof="x",
        )
    assert "不能早于告知书日期" in raised.value.message_dict["delivered_on"][0]
    assert not application.events.filter(kind=EventKind.DELIVERED).exists()


def test_without_any_notice_there_is_nothing_to_deliver(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    registered = application.events.get()
    with pytest.raises(ActionRefused, match="尚无需要送达"):
        application_record_delivery(
            actor=cast.staff,
            application=application,
            notice_event_id=registered.pk,
            method="post",
            delivered_on=date(2025, 3, 4),
            proof="x",
        )
