"""A staff session ends after GONGKAI_STAFF_IDLE_MINUTES without a request (30) and, whatever happens,
GONGKAI_STAFF_SESSION_HOURS after signing in (8): the next page asks to sign in again and says why."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from gongkai.workbench.tests.factories import make_cast

pytestmark = pytest.mark.django_db


def signed_in(user: User) -> Client:
    client = Client()
    assert client.post("/staff/login/", {"username": user.username, "password": "x"}).status_code == 302
    return client


def test_the_session_ends_after_the_idle_time_and_the_login_page_says_why() -> None:
    cast = make_cast()
    queue = f"/staff/agencies/{cast.agency.code}/applications/"
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client = signed_in(cast.staff)
        assert client.get(queue).status_code == 200
        clock.shift(timedelta(seconds=settings.STAFF_IDLE_SECONDS - 60))
        assert client.get(queue).status_code == 200  # active: the clock starts again
        clock.shift(timedelta(seconds=settings.STAFF_IDLE_SECONDS - 60))
        assert client.get(queue).status_code == 200
        clock.shift(timedelta(seconds=settings.STAFF_IDLE_SECONDS + 1))
        response = client.get(queue)
        assert response.status_code == 302 and response["Location"].startswith("/staff/login/?next=")
        page = client.get(response["Location"]).content.decode()
        assert "未操作" in page and "自动退出" in page
        assert client.get(queue).status_code == 302  # signed out for good


def test_a_staff_session_lasts_a_working_day_at_most() -> None:
    cast = make_cast()
    client = signed_in(cast.staff)
    assert client.session.get_expiry_age() == settings.STAFF_SESSION_SECONDS <= 8 * 3600
    assert settings.STAFF_IDLE_SECONDS <= 30 * 60


def test_an_applicants_status_session_is_not_signed_in_and_not_cut_short() -> None:
    client = Client()
    client.get("/status/")
    client.session["portal_opened_application"] = 1
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
