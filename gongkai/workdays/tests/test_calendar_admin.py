"""The calendar in the Django admin: for 系统管理员 only, saved through the services."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client

from gongkai.core.models import AuditLog
from gongkai.workdays.calendar import add_workdays, year_is_complete
from gongkai.workdays.models import CalendarDay, CalendarYear, Source
from gongkai.workdays.tests.factories import make_admin, make_staff

pytestmark = pytest.mark.django_db

DAYS = "/admin/workdays/calendarday/"
YEARS = "/admin/workdays/calendaryear/"


def admin_client() -> tuple[Client, User]:
    client = Client()
    user = make_admin()
    client.force_login(user)
    return client, user


def test_a_day_added_in_the_admin_is_logged_and_used() -> None:
    client, user = admin_client()
    response = client.post(f"{DAYS}add/", {"date": "2025-10-09", "name": "台风停工", "_save": "保存"})
    assert response.status_code == 302
    assert add_workdays(date(2025, 10, 1), 20).date == date(2025, 11, 5)
    entry = CalendarDay.objects.get(date=date(2025, 10, 9))
    assert entry.source == Source.ADMIN
    assert AuditLog.objects.filter(action="calendar_day_set", actor=user).exists()


def test_deleting_a_day_in_the_admin_clears_it_through_the_services() -> None:
    client, user = admin_client()
    client.post(f"{DAYS}add/", {"date": "2025-10-09", "name": "台风停工", "_save": "保存"})
    entry = CalendarDay.objects.get(date=date(2025, 10, 9), source=Source.ADMIN)
    response = client.post(f"{DAYS}{entry.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert add_workdays(date(2025, 10, 1), 20).date == date(2025, 11, 4)
    assert AuditLog.objects.filter(action="calendar_day_clear", actor=user).exists()


def test_the_package_rows_can_be_viewed_but_not_changed_or_deleted() -> None:
    client, _ = admin_client()
    package_day = CalendarDay.objects.get(date=date(2025, 10, 1), source=Source.PACKAGE)
    assert client.get(f"{DAYS}{package_day.pk}/change/").status_code == 200
    changed = client.post(
        f"{DAYS}{package_day.pk}/change/", {"is_workday": "on", "name": "x", "_save": "保存"}
    )
    assert changed.status_code == 403
    assert client.post(f"{DAYS}{package_day.pk}/delete/", {"post": "yes"}).status_code == 403
    package_day.refresh_from_db()
    assert (package_day.is_workday, package_day.name) == (False, "国庆节")


def test_a_year_is_marked_complete_in_the_admin_only_once_its_holidays_are_entered() -> None:
    client, user = admin_client()
    refused = client.post(f"{YEARS}add/", {"year": "2027", "is_complete": "on", "_save": "保存"})
    assert refused.status_code == 200
    assert "还没有录入" in refused.content.decode()
    assert not CalendarYear.objects.filter(year=2027).exists()
    client.post(f"{DAYS}add/", {"date": "2027-10-01", "name": "国庆节", "_save": "保存"})
    accepted = client.post(f"{YEARS}add/", {"year": "2027", "is_complete": "on", "_save": "保存"})
    assert accepted.status_code == 302
    assert year_is_complete(2027)
    assert AuditLog.objects.filter(action="calendar_year_mark_complete", actor=user).exists()


def test_staff_of_a_body_cannot_open_the_calendar_in_the_admin() -> None:
    client = Client()
    client.force_login(make_staff())
    assert client.get(DAYS).status_code == 403
    assert client.post(f"{DAYS}add/", {"date": "2025-10-09", "name": "x", "_save": "保存"}).status_code == 403
    assert not CalendarDay.objects.filter(source=Source.ADMIN).exists()
