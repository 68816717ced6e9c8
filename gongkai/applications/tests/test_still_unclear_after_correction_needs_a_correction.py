"""Report row 三（四）3 "补正后申请内容仍不明确" is only possible once a correction was requested and
received (条例第三十条)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications.models import EventKind, Result
from gongkai.applications.services import (
    ActionRefused,
    application_draft_reply,
    application_receive_correction,
    application_request_correction,
    application_sign_reply,
)
from gongkai.applications.tests.factories import Cast, make_cast, register
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def test_without_a_correction_the_decision_is_refused(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    with pytest.raises(ActionRefused, match="补正"):
        application_draft_reply(actor=cast.staff, application=application, result=Result.UNAVAILABLE_UNCLEAR)
    assert not application.events.filter(kind=EventKind.REPLY_DRAFTED).exists()
    assert AuditLog.objects.filter(action="application_draft_reply", outcome="refused").exists()


def test_after_a_correction_it_may_be_decided_and_signed(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_request_correction(
        actor=cast.staff,
        application=application,
        notified_on=date(2025, 3, 4),
        items="请写明文件名称",
        period_workdays=10,
    )
    application_receive_correction(actor=cast.staff, application=application, received_on=date(2025, 3, 10))
    application_draft_reply(actor=cast.staff, application=application, result=Result.UNAVAILABLE_UNCLEAR)
    application_sign_reply(actor=cast.head, application=application, replied_on=date(2025, 3, 20))
    assert application.result == Result.UNAVAILABLE_UNCLEAR
