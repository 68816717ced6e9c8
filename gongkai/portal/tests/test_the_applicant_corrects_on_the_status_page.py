"""条例第三十条: when a correction was requested the applicant sees the notice on the status page and
submits the corrected application there; staff then confirm its receipt and the reply period restarts."""

from __future__ import annotations

from datetime import datetime

import pytest
import time_machine
from django.test import Client

from gongkai.applications import services
from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.models import EventKind, Status
from gongkai.applications.tests.factories import SHANGHAI
from gongkai.portal.tests.factories import PERSON, make_cast

pytestmark = pytest.mark.django_db


@time_machine.travel("2025-03-05 10:00 +0800", tick=False)
def test_the_applicant_submits_the_correction_requested() -> None:
    cast = make_cast()
    application, code = services.application_submit_online(
        agency=cast.agency,
        submitted_at=datetime(2025, 3, 3, 9, tzinfo=SHANGHAI),
        applicant=ApplicantDetails(**PERSON),
    )
    assert application.submitted_at is not None  # submitted online
    services.application_confirm_receipt(
        actor=cast.staff, application=application, received_on=application.submitted_at.date()
    )
    services.application_request_correction(
        actor=cast.staff,
        application=application,
        notified_on=application.submitted_at.date(),
        items="请写明文件的文号",
        period_workdays=10,
    )
    client = Client()
    page = client.post(
        "/status/", {"number": application.number, "query_code": code}, follow=True
    ).content.decode()
    assert "补正申请告知书" in page and "请写明文件的文号" in page
    assert 'action="/status/correction/"' in page
    response = client.post("/status/correction/", {"description": "甬发改投资〔2024〕12号文件"}, follow=True)
    page = response.content.decode()
    assert "补正材料已提交" in page
    assert 'action="/status/correction/"' not in page
    application.refresh_from_db()
    assert application.description == "甬发改投资〔2024〕12号文件"
    assert application.status == Status.AWAITING_CORRECTION
    assert application.events.filter(kind=EventKind.CORRECTION_SUBMITTED, actor=None).exists()


def test_an_empty_correction_is_refused_in_chinese_and_changes_nothing() -> None:
    cast = make_cast()
    application, code = services.application_submit_online(
        agency=cast.agency, applicant=ApplicantDetails(**PERSON)
    )
    assert application.submitted_at is not None  # submitted online
    services.application_confirm_receipt(
        actor=cast.staff,
        application=application,
        received_on=application.submitted_at.astimezone(SHANGHAI).date(),
    )
    assert application.received_on is not None
    services.application_request_correction(
        actor=cast.staff,
        application=application,
        notified_on=application.received_on,
        items="请写明文号",
        period_workdays=10,
    )
    client = Client()
    client.post("/status/", {"number": application.number, "query_code": code})
    events = application.events.count()
    response = client.post("/status/correction/", {"description": "  "})
    assert (
        "这个字段是必填项" in response.content.decode()
        or "请填写补正后的申请内容" in response.content.decode()
    )
    assert application.events.count() == events


def test_the_correction_form_needs_the_application_opened_with_its_code() -> None:
    cast = make_cast()
    application, _ = services.application_submit_online(
        agency=cast.agency, applicant=ApplicantDetails(**PERSON)
    )
    response = Client().post("/status/correction/", {"description": "补正"})
    assert response.status_code == 302
    assert not application.events.filter(kind=EventKind.CORRECTION_SUBMITTED).exists()
