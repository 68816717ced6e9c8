"""Another platform submits an application for a body. Online, the date of receipt is the day both sides
confirm it (条例第三十一条): without a confirmed date the application waits for staff to confirm; with
one, the reply period runs from it. Bad input gets 422 (format) or 400 (the rules) in Chinese, and
nothing is saved."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from gongkai.api.tests.factories import (
    bearer,
    make_agency,
    make_token,
    monday,  # noqa: F401 (a fixture)
)
from gongkai.applications.models import Application, Channel, EventKind, Source, Status
from gongkai.applications.selectors import get_application_for_applicant
from gongkai.applications.tests.factories import PERSON

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("monday")]

URL = "/api/agencies/XS-ZRZY/applications"


@pytest.fixture
def raw_token() -> str:
    return make_token(make_agency())[1]


def submit(client: Client, token: str, payload: dict[str, Any]) -> Any:
    return client.post(URL, json.dumps(payload), content_type="application/json", headers=bearer(token))


def test_a_submission_without_a_confirmed_date_waits_for_staff_to_confirm_receipt(raw_token: str) -> None:
    # Another platform calls without a browser's CSRF cookie.
    response = submit(Client(enforce_csrf_checks=True), raw_token, PERSON)
    assert response.status_code == 201
    body = response.json()
    assert body["number"] == "2025-0001"
    assert (body["status"], body["status_label"]) == ("pending_receipt", "待确认收到")
    assert body["received_on"] is None and body["due_date"] is None
    assert body["status_url"] == "http://127.0.0.1:8000/status/"
    application = Application.objects.get()
    assert (application.channel, application.source, application.status) == (
        Channel.ONLINE,
        Source.API,
        Status.PENDING_RECEIPT,
    )
    assert application.events.get().kind == EventKind.SUBMITTED
    # The query code is returned once, for the applicant; only its digest is kept.
    assert get_application_for_applicant(body["number"], body["query_code"]) == application
    assert body["query_code"] not in application.query_code


def test_a_submission_with_the_confirmed_date_runs_the_reply_period_from_it(
    client: Client, raw_token: str
) -> None:
    response = submit(client, raw_token, {**PERSON, "received_on": "2025-03-03"})
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["received_on"]) == ("in_progress", "2025-03-03")
    # 条例第三十三条: 20 working days after Monday 3 March 2025.
    assert (body["due_date"], body["due_date_provisional"]) == ("2025-03-31", False)


def test_a_missing_field_or_a_bad_choice_is_a_422_in_chinese(client: Client, raw_token: str) -> None:
    payload = {key: value for key, value in PERSON.items() if key != "description"}
    payload["applicant_type"] = "robot"
    payload["received_on"] = "3/3/2025"
    response = submit(client, raw_token, payload)
    assert response.status_code == 422
    body = response.json()
    messages = {error["field"]: error["message"] for error in body["errors"]}
    assert messages["description"] == "申请公开的政府信息：必须填写"
    assert messages["applicant_type"].startswith("申请人类型：取值应为以下之一：")
    assert messages["received_on"] == "收到日期：日期格式应为 YYYY-MM-DD"
    assert body["detail"].startswith("请求数据有误：")
    assert not Application.objects.exists()


def test_a_body_that_is_not_json_is_a_400_in_chinese(client: Client, raw_token: str) -> None:
    response = client.post(URL, "{not json", content_type="application/json", headers=bearer(raw_token))
    assert response.status_code == 400
    assert response.json()["detail"] == "请求体无法解析：应为有效的 JSON。"


def test_input_the_rules_reject_is_a_400_naming_the_field(client: Client, raw_token: str) -> None:
    response = submit(client, raw_token, {**PERSON, "applicant_id_number": "12345"})
    assert response.status_code == 400
    body = response.json()
    assert body["errors"] == [
        {"field": "applicant_id_number", "message": "证件号码：居民身份证号码应为18位，最后一位可以是X。"}
    ]
    assert not Application.objects.exists()


def test_a_confirmed_date_in_the_future_is_a_400(client: Client, raw_token: str) -> None:
    response = submit(client, raw_token, {**PERSON, "received_on": "2025-03-04"})
    assert response.status_code == 400
    assert "不能晚于今天" in response.json()["detail"]
    assert not Application.objects.exists()


def test_a_malformed_e_mail_address_is_a_422(client: Client, raw_token: str) -> None:
    response = submit(client, raw_token, {**PERSON, "email": "zhangsan@"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "电子邮箱：电子邮箱格式不正确"
