"""A form that the form itself or the service rejects comes back with the errors in Chinese, and the
application is left as it was: no event, no change of status or deadline."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from gongkai.applications.models import Application, ApplicationEvent
from gongkai.workbench.tests.factories import client_for, make_cast, register

pytestmark = pytest.mark.django_db

TODAY = date(2025, 3, 5)


def snapshot(application: Application) -> tuple[object, ...]:
    application.refresh_from_db()
    return (application.status, application.due_date, application.closed_on, ApplicationEvent.objects.count())


@time_machine.travel(TODAY.isoformat() + " 10:00 +0800", tick=False)
def test_a_missing_field_is_named_in_chinese() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    before = snapshot(application)
    response = client_for(cast.staff).post(
        f"/staff/applications/{application.pk}/actions/request_correction/",
        {"request_correction-notified_on": "2025-03-05", "request_correction-period_workdays": "10"},
    )
    assert response.status_code == 400
    assert "这个字段是必填项" in response.content.decode()
    assert snapshot(application) == before


@time_machine.travel(TODAY.isoformat() + " 10:00 +0800", tick=False)
def test_a_rule_of_the_service_is_shown_on_the_form() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    before = snapshot(application)
    response = client_for(cast.staff).post(
        f"/staff/applications/{application.pk}/actions/request_correction/",
        {
            "request_correction-notified_on": "2025-03-05",
            "request_correction-items": "请写明文件名称",
            "request_correction-period_workdays": "30",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "补正期限一般不超过15个工作日" in page
    # The form is shown again, open, with what was typed.
    assert 'id="action-request_correction" open' in page
    assert "请写明文件名称" in page
    assert snapshot(application) == before


@time_machine.travel(TODAY.isoformat() + " 10:00 +0800", tick=False)
def test_a_date_in_the_future_is_refused_in_chinese() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    before = snapshot(application)
    response = client_for(cast.staff).post(
        f"/staff/applications/{application.pk}/actions/withdraw/", {"withdraw-withdrawn_on": "2025-04-01"}
    )
    assert response.status_code == 400
    assert "不能晚于今天" in response.content.decode()
    assert snapshot(application) == before


def test_an_action_the_status_does_not_allow_is_refused_in_chinese() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    before = snapshot(application)
    response = client_for(cast.staff).post(
        f"/staff/applications/{application.pk}/actions/confirm_receipt/",
        {"confirm_receipt-received_on": "2025-03-03"},
    )
    assert response.status_code == 400
    assert "不能确认收到" in response.content.decode()
    assert snapshot(application) == before


def test_an_unknown_action_is_not_found() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    response = client_for(cast.staff).post(f"/staff/applications/{application.pk}/actions/delete/", {})
    assert response.status_code == 404
