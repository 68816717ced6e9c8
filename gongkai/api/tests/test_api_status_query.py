"""An applicant queries their application with its number and query code and sees its status, dates,
due date, progress and decision, and nothing personal. A wrong number and a wrong code get the same
404; repeated failures are braked like the status page's."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client

from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.models import Result
from gongkai.applications.services import (
    application_draft_reply,
    application_register,
    application_sign_reply,
)
from gongkai.applications.tests.factories import PERSON, SHANGHAI, Cast, make_cast
from gongkai.core.throttle import MAX_FAILURES_PER_ADDRESS

pytestmark = pytest.mark.django_db

URL = "/api/status"


@pytest.fixture(autouse=True)
def fresh_brake() -> Any:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def a_week_later() -> Any:
    with time_machine.travel(datetime(2025, 3, 10, 10, tzinfo=SHANGHAI), tick=False):
        yield


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def query(client: Client, number: str, code: str) -> Any:
    return client.post(
        URL, json.dumps({"number": number, "query_code": code}), content_type="application/json"
    )


def test_number_and_code_give_status_dates_and_progress_without_personal_data(
    client: Client, cast: Cast
) -> None:
    application, code = application_register(
        actor=cast.staff,
        agency=cast.agency,
        channel="in_person",
        received_on=date(2025, 3, 3),
        applicant=ApplicantDetails(**PERSON),
    )
    response = query(client, application.number, code)
    assert response.status_code == 200
    body = response.json()
    assert body == {
        "number": "2025-0001",
        "agency": "宁波市发展和改革委员会",
        "status": "in_progress",
        "status_label": "办理中",
        "received_on": "2025-03-03",
        "due_date": "2025-03-31",
        "due_date_provisional": False,
        "correction_due": None,
        "payment_due": None,
        "closed_on": None,
        "result": "",
        "result_label": "",
        "progress": [{"date": "2025-03-03", "label": "登记申请"}],
    }
    text = response.content.decode()
    for personal in (
        PERSON["applicant_name"],
        PERSON["applicant_id_number"],
        PERSON["phone"],
        PERSON["email"],
    ):
        assert personal not in text
    assert PERSON["description"] not in text


def test_the_reply_decision_shows_once_the_head_has_signed(client: Client, cast: Cast) -> None:
    application, code = application_register(
        actor=cast.staff,
        agency=cast.agency,
        channel="in_person",
        received_on=date(2025, 3, 3),
        applicant=ApplicantDetails(**PERSON),
    )
    application_draft_reply(actor=cast.staff, application=application, result=Result.UNAVAILABLE_NOT_HELD)
    application_sign_reply(actor=cast.head, application=application, replied_on=date(2025, 3, 10))
    body = query(client, application.number, code.lower()).json()
    assert (body["status"], body["closed_on"]) == ("closed", "2025-03-10")
    assert (body["result"], body["result_label"]) == ("unavailable_not_held", "本机关不掌握相关政府信息")
    assert body["progress"][-1] == {"date": "2025-03-10", "label": "作出答复"}


def test_a_wrong_code_and_a_wrong_number_get_the_same_answer(client: Client, cast: Cast) -> None:
    application, code = application_register(
        actor=cast.staff,
        agency=cast.agency,
        channel="in_person",
        received_on=date(2025, 3, 3),
        applicant=ApplicantDetails(**PERSON),
    )
    wrong_code = query(client, application.number, "ABCDEFGHJKMN")
    wrong_number = query(client, "2025-9999", code)
    assert wrong_code.status_code == wrong_number.status_code == 404
    assert wrong_code.json() == wrong_number.json() == {"detail": "未找到该申请。请核对受理编号和查询码。"}
    # UTF-8 JSON, Chinese as itself.
    assert "未找到该申请" in wrong_code.content.decode()


def test_too_many_failed_queries_from_one_address_are_refused(cast: Cast) -> None:
    application, code = application_register(
        actor=cast.staff,
        agency=cast.agency,
        channel="in_person",
        received_on=date(2025, 3, 3),
        applicant=ApplicantDetails(**PERSON),
    )
    # Each query from a fresh client, as a platform that keeps no cookies: the address alone is braked.
    for _ in range(MAX_FAILURES_PER_ADDRESS):
        assert query(Client(), application.number, "ABCDEFGHJKMN").status_code == 404
    refused = query(Client(), application.number, code)
    assert refused.status_code == 429
    assert "请15分钟后再试" in refused.json()["detail"]


def test_a_query_without_a_code_is_a_422_in_chinese(client: Client) -> None:
    response = client.post(URL, json.dumps({"number": "2025-0001"}), content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "query_code", "message": "查询码：必须填写"}]
