"""Failed look-ups on the status page are limited per session and per address: past the limit the page
says so and looks nothing up, even for the right code, until the window has passed."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from gongkai.applications import services
from gongkai.applications.intake import ApplicantDetails
from gongkai.core import throttle
from gongkai.portal.tests.factories import PERSON, make_cast

pytestmark = pytest.mark.django_db


def look_up(client: Client, number: str, code: str) -> str:
    return client.post("/status/", {"number": number, "query_code": code}, follow=True).content.decode()


def test_a_session_is_stopped_after_five_wrong_codes_even_for_the_right_one() -> None:
    cast = make_cast()
    application, code = services.application_submit_online(
        agency=cast.agency, applicant=ApplicantDetails(**PERSON)
    )
    client = Client()
    for _ in range(throttle.MAX_FAILURES_PER_SESSION):
        assert "未找到该申请" in look_up(client, application.number, "WRONGWRONG22")
    html = look_up(client, application.number, code)
    assert "查询失败次数过多" in html
    assert application.description not in html


def test_an_address_is_stopped_across_sessions() -> None:
    cast = make_cast()
    application, code = services.application_submit_online(
        agency=cast.agency, applicant=ApplicantDetails(**PERSON)
    )
    for _ in range(throttle.MAX_FAILURES_PER_ADDRESS):
        look_up(Client(), application.number, "WRONGWRONG22")  # a fresh session each time
    assert "查询失败次数过多" in look_up(Client(), application.number, code)
    assert application.description in look_up(Client(REMOTE_ADDR="10.0.0.9"), application.number, code)


def test_the_session_may_try_again_after_the_window() -> None:
    cast = make_cast()
    application, code = services.application_submit_online(
        agency=cast.agency, applicant=ApplicantDetails(**PERSON)
    )
    client = Client()
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(throttle.MAX_FAILURES_PER_SESSION):
            look_up(client, application.number, "WRONGWRONG22")
        clock.shift(timedelta(seconds=throttle.WINDOW_SECONDS + 1))
        assert application.description in look_up(client, application.number, code)
