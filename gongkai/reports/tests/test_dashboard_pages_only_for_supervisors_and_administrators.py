"""The dashboard of a region's annual reports, its XLSX export and the coverage pages are the supervising
office's (its own role or one above it) and administrators': the body's own staff and head, and staff of
other bodies, get the 403 page and the refusal is in the audit log."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.contrib.auth.models import User

from gongkai.agencies.models import Membership
from gongkai.appeals.tests.factories import make_user
from gongkai.core.models import AuditLog
from gongkai.reports.tests.aggregation_factories import make_county
from gongkai.reports.tests.audit_web_factories import client_for

pytestmark = pytest.mark.django_db
Role = Membership.Role
PAGES = [
    ("/staff/reports/supervision/XS/?year=2024", "annual_dashboard"),
    ("/staff/reports/supervision/XS/export.xlsx?year=2024", "annual_dashboard_export"),
    ("/staff/reports/supervision/XS/2024/coverage/", "annual_coverage"),
]


@pytest.fixture(autouse=True)
def february() -> object:
    with time_machine.travel(date(2025, 2, 10), tick=False):
        yield


@pytest.mark.parametrize(("path", "action"), PAGES)
@pytest.mark.parametrize("who", ["staff of the government", "head of a department", "a stranger"])
def test_others_are_refused_and_logged(path: str, action: str, who: str) -> None:
    county = make_county()
    user = {
        "staff of the government": county.staff,
        "head of a department": make_user(county.finance, Role.HEAD, username="head"),
        "a stranger": User.objects.create_user("stranger", password="x"),
    }[who]

    response = client_for(user).get(path)

    assert response.status_code == 403
    assert "象山县人民政府的主管部门" in response.content.decode()
    refusal = AuditLog.objects.get(outcome=AuditLog.Outcome.REFUSED)
    assert (refusal.action, refusal.actor, refusal.agency) == (action, user, county.government)
    assert refusal.detail["path"] == path.split("?")[0]


def test_a_supervisor_below_sees_only_its_own_part() -> None:
    county = make_county()
    police_supervisor = make_user(county.police, Role.SUPERVISOR, username="ga-supervisor")
    client = client_for(police_supervisor)
    assert client.get("/staff/reports/supervision/XS-GA/?year=2024").status_code == 200
    assert client.get("/staff/reports/supervision/XS/?year=2024").status_code == 403


@pytest.mark.parametrize("path", [path for path, _ in PAGES])
def test_the_supervisor_and_an_administrator_may(path: str) -> None:
    county = make_county()
    supervisor = make_user(county.government, Role.SUPERVISOR, username="supervisor")
    admin = User.objects.create_superuser("root", password="x")
    for user in (supervisor, admin):
        assert client_for(user).get(path).status_code == 200
    assert not AuditLog.objects.filter(outcome=AuditLog.Outcome.REFUSED).exists()


def test_the_supervision_entry_goes_to_the_supervised_region() -> None:
    county = make_county()
    supervisor = make_user(county.government, Role.SUPERVISOR, username="supervisor")
    response = client_for(supervisor).get("/staff/reports/supervision/")
    assert response.status_code == 302 and response["Location"] == "/staff/reports/supervision/XS/"
    page = client_for(county.staff).get("/staff/reports/supervision/")
    assert "您没有主管部门角色" in page.content.decode()
