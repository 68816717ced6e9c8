"""A page shown to a signed-in user (the staff queue with applicants' names, searched by one) carries
`Cache-Control: private, no-store`: it had no caching header, so the browser kept it and the back button
showed it again after the sign-out. Public pages read anonymously keep their shared caching."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from gongkai.applications.tests.factories import make_cast, register

pytestmark = pytest.mark.django_db


def test_the_staff_queue_is_no_store_and_public_pages_stay_cacheable() -> None:
    cast = make_cast()
    register(cast, date(2025, 3, 3))
    client = Client()
    client.force_login(cast.staff)
    queue = client.get(f"/staff/agencies/{cast.agency.code}/applications/", {"q": "张三"})
    assert queue.status_code == 200 and "张三" in queue.content.decode()
    directives = {d.strip() for d in queue["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives

    anonymous = Client().get("/disclosure/")
    assert anonymous.status_code == 200 and "public" in anonymous["Cache-Control"]
