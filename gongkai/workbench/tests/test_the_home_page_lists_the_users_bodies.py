"""The workbench's home page lists the bodies the user works for with their counts: a body's own for
its staff, the whole subtree's for a supervising office."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.workbench.tests.factories import client_for, make_cast, register

pytestmark = pytest.mark.django_db


def test_staff_see_their_body_and_a_supervisor_the_subtree() -> None:
    cast = make_cast()
    register(cast, date(2025, 3, 3))
    register(cast, date(2025, 3, 4))
    staff_page = client_for(cast.staff).get("/staff/").content.decode()
    assert "宁波市发展和改革委员会" in staff_page and "办理中 <strong>2</strong>" in staff_page
    assert "/staff/agencies/NB-FGW/applications/new/" in staff_page
    supervisor_page = client_for(cast.supervisor).get("/staff/").content.decode()
    assert "宁波市人民政府" in supervisor_page and "辖区办理中 <strong>2</strong>" in supervisor_page
    assert "/staff/agencies/NB/overview/" in supervisor_page
    assert "/applications/new/" not in supervisor_page


def test_a_user_without_a_body_is_told_so() -> None:
    from django.contrib.auth.models import User

    make_cast()
    lonely = User.objects.create_user("lonely", password="x")
    assert "尚未被分配到任何机关" in client_for(lonely).get("/staff/").content.decode()
