"""The supervisor's home card says "辖区办理中 N": its application list holds those N — every application
of its subtree, with the body of each, filterable by body — and its appeals list every case of the
subtree. Staff of a body still list their own body's applications only."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine

from gongkai.appeals.tests.factories import make_case
from gongkai.workbench.tests.factories import client_for, make_cast, register

pytestmark = pytest.mark.django_db


def count_of(html: str) -> int:
    found = re.search(r"共 <strong>(\d+)</strong> 件", html)
    assert found is not None
    return int(found.group(1))


@time_machine.travel("2025-04-01 09:00 +0800", tick=False)
def test_the_supervisors_list_holds_what_its_home_card_counts() -> None:
    cast = make_cast()
    fgw = [register(cast, date(2025, 3, day)) for day in (3, 10, 24)]
    client = client_for(cast.supervisor)
    home = client.get("/staff/").content.decode()
    assert re.search(r"辖区办理中 <strong>3</strong>", home)
    page = client.get("/staff/agencies/NB/applications/").content.decode()
    assert count_of(page) == 3
    for application in fgw:
        assert application.number in page
    assert "宁波市发展和改革委员会" in page  # each row names its body
    assert 'name="body"' in page

    only_jyj = client.get("/staff/agencies/NB/applications/", {"body": "NB-JYJ"}).content.decode()
    assert count_of(only_jyj) == 0
    only_fgw = client.get("/staff/agencies/NB/applications/", {"body": "NB-FGW", "state": "overdue"})
    assert count_of(only_fgw.content.decode()) == 1
    # A body outside the subtree is no filter: the whole subtree is listed.
    assert count_of(client.get("/staff/agencies/NB/applications/", {"body": "HZ"}).content.decode()) == 3


@time_machine.travel("2025-04-01 09:00 +0800", tick=False)
def test_staff_of_a_body_list_their_own_applications_only() -> None:
    cast = make_cast()
    register(cast, date(2025, 3, 3))
    page = client_for(cast.outsider).get("/staff/agencies/NB-JYJ/applications/").content.decode()
    assert count_of(page) == 0
    assert 'name="body"' not in page


@time_machine.travel("2025-04-01 09:00 +0800", tick=False)
def test_the_supervisors_appeals_list_every_case_of_the_subtree_by_body() -> None:
    cast = make_cast()
    jyj = cast.outsider.memberships.get().agency
    make_case(cast.agency, filed_on=date(2025, 3, 3))
    make_case(jyj, filed_on=date(2025, 3, 5))
    client = client_for(cast.supervisor)
    page = client.get("/staff/agencies/NB/appeals/").content.decode()
    assert count_of(page) == 2
    assert "宁波市发展和改革委员会" in page and "宁波市教育局" in page
    assert count_of(client.get("/staff/agencies/NB/appeals/", {"body": "NB-JYJ"}).content.decode()) == 1
