"""条例第三十三条第二款: one extension of at most 20 working days, with the consent of the head of the
disclosure office, notified to the applicant on or before the original due date."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.applications.models import Application, EventKind
from gongkai.applications.services import ActionRefused, allowed_actions, application_extend
from gongkai.applications.tests.factories import Cast, make_cast, register
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def extend(cast: Cast, application: Application, **changes: Any) -> Application:
    fields: dict[str, Any] = {
        "actor": cast.head,
        "application": application,
        "workdays": 20,
        "approved_on": date(2025, 3, 28),
        "notified_on": date(2025, 3, 28),
        "reason": "申请内容涉及多个处室，需要汇总",
    }
    fields.update(changes)
    return application_extend(**fields)


def test_the_head_extends_by_twenty_working_days(cast: Cast) -> None:
    application = extend(cast, register(cast, date(2025, 3, 3)))
    assert application.due_date == date(2025, 4, 28)
    event = application.events.get(kind=EventKind.EXTENDED)
    assert event.effective_on == date(2025, 3, 28)
    assert event.data["workdays"] == 20
    assert event.before["due_date"] == "2025-03-31"
    assert event.after["due_date"] == "2025-04-28"


def test_a_notice_on_the_original_due_date_itself_is_in_time(cast: Cast) -> None:
    application = extend(
        cast, register(cast, date(2025, 3, 3)), approved_on=date(2025, 3, 31), notified_on=date(2025, 3, 31)
    )
    assert application.due_date == date(2025, 4, 28)


def test_a_notice_after_the_original_due_date_is_refused_and_logged(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    with pytest.raises(ActionRefused) as raised:
        extend(cast, application, approved_on=date(2025, 3, 31), notified_on=date(2025, 4, 1))
    assert "答复期限（2025-03-31）届满前告知申请人" in raised.value.messages[0]
    application.refresh_from_db()
    assert application.due_date == date(2025, 3, 31)
    assert not application.events.filter(kind=EventKind.EXTENDED).exists()
    assert AuditLog.objects.get(action="application_extend").outcome == AuditLog.Outcome.REFUSED


def test_staff_cannot_extend_and_the_refusal_is_logged(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    assert "application_extend" not in allowed_actions(application, cast.staff)
    assert "application_extend" in allowed_actions(application, cast.head)
    with pytest.raises(PermissionDenied, match="负责人"):
        extend(cast, application, actor=cast.staff)
    refusal = AuditLog.objects.get(action="application_extend")
    assert (refusal.outcome, refusal.actor, refusal.agency) == (
        AuditLog.Outcome.REFUSED,
        cast.staff,
        cast.agency,
    )
    assert not application.events.filter(kind=EventKind.EXTENDED).exists()


def test_an_application_is_extended_once_only(cast: Cast) -> None:
    application = extend(cast, register(cast, date(2025, 3, 3)), workdays=5)
    with pytest.raises(ActionRefused, match="不能再次延期"):
        extend(cast, application, workdays=5, approved_on=date(2025, 4, 1), notified_on=date(2025, 4, 1))
    assert application.events.filter(kind=EventKind.EXTENDED).count() == 1


def test_more_than_twenty_working_days_or_no_reason_is_refused(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    with pytest.raises(ValidationError) as raised:
        extend(cast, application, workdays=21)
    assert "1至20个工作日" in raised.value.message_dict["workdays"][0]
    with pytest.raises(ValidationError) as raised:
        extend(cast, application, reason="")
    assert "理由" in raised.value.message_dict["reason"][0]


def test_the_notice_cannot_precede_the_head_s_consent(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    with pytest.raises(ValidationError) as raised:
        extend(cast, application, approved_on=date(2025, 3, 28), notified_on=date(2025, 3, 27))
    assert "不能早于负责人同意日期" in raised.value.message_dict["notified_on"][0]
