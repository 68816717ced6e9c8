"""Who sees a subtree's per-body counts: a supervising office above the bodies (and an administrator),
who may open every body's queue the counts link to. The staff of a parent body handle their own body's
applications only: their home card, overview and appeals show their own body's figures, so every link
on those pages opens."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.test import Client

from gongkai.agencies.models import Membership
from gongkai.appeals.tests.factories import make_case
from gongkai.workbench.tests.factories import client_for, make_cast, make_user, register

pytestmark = pytest.mark.django_db

LINK = re.compile(r'href="(/staff/agencies/[^"]+)"')


def links_all_open(client: Client, html: str) -> None:
    for url in set(LINK.findall(html.replace("&amp;", "&"))):
        assert client.get(url).status_code == 200, url


@time_machine.travel("2025-04-01 09:00 +0800", tick=False)
def test_staff_of_the_parent_body_see_their_own_body_only() -> None:
    cast = make_cast()
    register(cast, date(2025, 3, 3))
    make_case(cast.agency, filed_on=date(2025, 3, 3))
    city = cast.agency.parent
    assert city is not None
    clerk = make_user("sun", city, Membership.Role.STAFF)
    client = client_for(clerk)
    home = client.get("/staff/").content.decode()
    assert "辖区" not in home and re.search(r"办理中 <strong>0</strong>", home)
    overview = client.get("/staff/agencies/NB/overview/").content.decode()
    assert "宁波市发展和改革委员会" not in overview
    links_all_open(client, overview)
    appeals = client.get("/staff/agencies/NB/appeals/").content.decode()
    assert "辖区各机关" not in appeals and "宁波市发展和改革委员会" not in appeals
    links_all_open(client, appeals)
    queue = client.get("/staff/agencies/NB/applications/").content.decode()
    assert "期限总览" not in queue


@time_machine.travel("2025-04-01 09:00 +0800", tick=False)
def test_the_supervising_office_sees_every_body_and_may_open_each() -> None:
    cast = make_cast()
    register(cast, date(2025, 3, 3))
    make_case(cast.agency, filed_on=date(2025, 3, 3))
    client = client_for(cast.supervisor)
    overview = client.get("/staff/agencies/NB/overview/").content.decode()
    assert "宁波市发展和改革委员会" in overview and "宁波市教育局" in overview
    links_all_open(client, overview)
    appeals = client.get("/staff/agencies/NB/appeals/").content.decode()
    assert "辖区各机关尚未审结的案件" in appeals
    links_all_open(client, appeals)
