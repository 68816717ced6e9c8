"""`gongkai demo` on an empty database makes the body tree, a user for each role, a year of applications in
every state with real events and deadlines, a few appeals, and prints how to sign in as each role and
one applicant's number and query code."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from gongkai.agencies.models import Agency, Membership
from gongkai.agencies.permissions import can_act, can_read, is_admin, is_head
from gongkai.appeals.models import AppealCase, Outcome
from gongkai.applications.deadlines import compute_deadline, deadline_state
from gongkai.applications.models import Application, EventKind, Result, Status
from gongkai.applications.selectors import get_application_for_applicant
from gongkai.demo.accounts import PASSWORD, USERS

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def out(django_db_setup: None, django_db_blocker: Any) -> Iterator[str]:
    """The demo loaded once for the module's tests (each test runs in a savepoint inside this
    transaction), and rolled back after them."""
    with django_db_blocker.unblock(), transaction.atomic():
        printed = StringIO()
        call_command("demo", stdout=printed, stderr=StringIO())
        yield printed.getvalue()
        transaction.set_rollback(True)


def test_the_bodies_form_a_city_with_departments_and_a_county_with_townships(out: str) -> None:
    city = Agency.objects.get(code="NB")
    county = Agency.objects.get(code="XS")
    assert (city.name, city.kind, city.parent) == ("宁波市人民政府", Agency.Kind.GOVERNMENT, None)
    assert county.parent == city and county.kind == Agency.Kind.GOVERNMENT
    assert {a.kind for a in county.children.all()} == {Agency.Kind.DEPARTMENT, Agency.Kind.TOWNSHIP}
    assert city.children.filter(kind=Agency.Kind.DEPARTMENT).count() == 3


def test_every_role_can_sign_in_with_the_printed_password(out: str) -> None:
    assert f"密码均为 {PASSWORD}" in out
    for demo in USERS:
        assert f"\t{demo.username}\t" in out
        user = authenticate(username=demo.username, password=PASSWORD)
        assert user is not None, demo.username
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == set(Membership.Role.values)
    staff = authenticate(username="xs-staff", password=PASSWORD)
    head = authenticate(username="xs-head", password=PASSWORD)
    supervisor = authenticate(username="supervisor", password=PASSWORD)
    admin = authenticate(username="admin", password=PASSWORD)
    assert staff is not None and head is not None and supervisor is not None and admin is not None
    xs = Agency.objects.get(code="XS-ZRZY")
    assert can_act(staff, xs) and not is_head(staff, xs) and is_head(head, xs)
    assert can_read(supervisor, xs) and not can_act(supervisor, xs)
    assert is_admin(admin) and admin.is_staff
    for url in ("/staff/login/", "/admin/", "/api/docs", "/status/"):
        assert url in out


def test_applications_cover_every_state_with_real_events_and_deadlines(out: str) -> None:
    applications = Application.objects.all()
    assert set(applications.values_list("status", flat=True)) == set(Status.values)
    results = set(applications.exclude(result="").values_list("result", flat=True))
    assert {
        Result.DISCLOSED,
        Result.PARTIALLY_DISCLOSED,
        Result.WITHHELD_THIRD_PARTY,
        Result.UNAVAILABLE_NOT_HELD,
        Result.UNAVAILABLE_UNCLEAR,
        Result.OTHER_NO_CORRECTION,
        Result.OTHER_FEE_UNPAID,
        Result.OTHER_OTHER,
    } <= results
    today = timezone.localdate()
    states = {deadline_state(a.due_date, today) for a in applications.exclude(status=Status.CLOSED)}
    assert {"overdue", "due_soon", "ok"} <= states
    # A year of work, every date in the past, every stored deadline the one the events give.
    received = [a.received_on for a in applications if a.received_on]
    assert (today - min(received)).days > 300 and max(received) <= today
    for application in applications:
        assert application.events.exists()
        assert compute_deadline(application).due_date == application.due_date
    kinds = set(Application.objects.values_list("events__kind", flat=True))
    assert {
        EventKind.EXTENDED,
        EventKind.CONSULTATION_STARTED,
        EventKind.FEE_NOTIFIED,
        EventKind.DELIVERED,
    } <= kinds


def test_a_few_appeals_are_recorded(out: str) -> None:
    cases = AppealCase.objects.all()
    assert cases.count() >= 3
    assert {Outcome.UPHELD, Outcome.PENDING} <= set(cases.values_list("outcome", flat=True))


def test_the_printed_number_and_query_code_open_the_status_page(out: str) -> None:
    line = next(line for line in out.splitlines() if "查询码" in line)
    number = line.split("受理编号 ")[1].split("，")[0]
    code = line.split("查询码 ")[1].split("（")[0]
    application = get_application_for_applicant(number, code)
    assert application is not None and application.status == Status.AWAITING_CORRECTION
