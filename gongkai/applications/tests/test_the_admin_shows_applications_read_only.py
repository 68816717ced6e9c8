"""The Django admin shows applications and their events but changes nothing: every change goes
through the services, which check roles and the 条例 and write the event log."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client

from gongkai.applications.tests.factories import make_cast, register

pytestmark = pytest.mark.django_db


def test_an_administrator_reads_but_cannot_add_change_or_delete(client: Client) -> None:
    application = register(make_cast(), date(2025, 3, 3))
    client.force_login(User.objects.create_superuser("root", "root@example.cn", "x"))
    listing = client.get("/admin/applications/application/")
    assert listing.status_code == 200
    assert application.number in listing.content.decode()
    detail = client.get(f"/admin/applications/application/{application.pk}/change/")
    assert detail.status_code == 200
    assert application.query_code not in detail.content.decode()
    assert client.get("/admin/applications/application/add/").status_code == 403
    assert (
        client.post(f"/admin/applications/application/{application.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert client.get("/admin/applications/applicationevent/").status_code == 200
