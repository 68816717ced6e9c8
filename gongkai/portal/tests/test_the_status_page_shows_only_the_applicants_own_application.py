"""The status page: number + query code open the application with its dates, due date and the notices
sent to the applicant. A wrong code gets the same answer as a wrong number, and another application's
code opens only that other application."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
import time_machine
from django.test import Client

from gongkai.applications import services
from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.tests.factories import SHANGHAI
from gongkai.portal.tests.factories import PERSON, make_cast

pytestmark = pytest.mark.django_db

NOT_FOUND = "未找到该申请"


def errors(html: str) -> str:
    found = re.search(r'<ul class="errorlist nonfield".*?</ul>', html, re.S)
    assert found is not None
    return found.group(0)


def look_up(client: Client, number: str, code: str) -> str:
    response = client.post("/status/", {"number": number, "query_code": code}, follow=True)
    return response.content.decode()


@time_machine.travel("2025-03-20 10:00 +0800", tick=False)
def test_the_number_and_code_open_the_application_with_its_notices() -> None:
    cast = make_cast()
    for user, name in ((cast.staff, "王晓明"), (cast.head, "李主任")):
        user.first_name = name
        user.save()
    application, code = services.application_submit_online(
        agency=cast.agency,
        submitted_at=datetime(2025, 3, 3, 9, tzinfo=SHANGHAI),
        applicant=ApplicantDetails(**PERSON),
    )
    services.application_confirm_receipt(
        actor=cast.staff, application=application, received_on=date(2025, 3, 3)
    )
    services.application_draft_reply(
        actor=cast.staff, application=application, result="partially_disclosed", reasons="第3页涉及个人隐私"
    )
    reply = services.application_sign_reply(
        actor=cast.head, application=application, replied_on=date(2025, 3, 20)
    )
    html = look_up(Client(), application.number, code.lower())
    assert application.number in html
    assert "已办结" in html
    assert "部分公开" in html
    assert reply.data["notice"]["title"] in html
    assert "第3页涉及个人隐私" in html
    # Staff names never reach the applicant.
    assert "王晓明" not in html and "李主任" not in html


def test_a_wrong_code_and_a_wrong_number_get_the_same_answer() -> None:
    cast = make_cast()
    application, code = services.application_submit_online(
        agency=cast.agency, applicant=ApplicantDetails(**PERSON)
    )
    wrong_code = look_up(Client(), application.number, "AAAAAAAAAAAA")
    wrong_number = look_up(Client(), "2099-9999", code)
    assert NOT_FOUND in wrong_code and NOT_FOUND in wrong_number
    assert errors(wrong_code) == errors(wrong_number)
    assert PERSON["applicant_name"] not in wrong_code


def test_another_applications_code_shows_nothing_of_this_one() -> None:
    cast = make_cast()
    mine, _ = services.application_submit_online(agency=cast.agency, applicant=ApplicantDetails(**PERSON))
    theirs, their_code = services.application_submit_online(
        agency=cast.agency,
        applicant=ApplicantDetails(**{**PERSON, "applicant_name": "李四", "description": "另一件申请的内容"}),
    )
    assert NOT_FOUND in look_up(Client(), mine.number, their_code)
    html = look_up(Client(), theirs.number, their_code)
    assert "另一件申请的内容" in html
    assert PERSON["description"] not in html


def test_closing_the_status_page_forgets_the_application() -> None:
    cast = make_cast()
    application, code = services.application_submit_online(
        agency=cast.agency, applicant=ApplicantDetails(**PERSON)
    )
    client = Client()
    look_up(client, application.number, code)
    client.post("/status/close/")
    assert application.description not in client.get("/status/").content.decode()
