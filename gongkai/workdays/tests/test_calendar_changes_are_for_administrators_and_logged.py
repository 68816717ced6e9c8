"""Only 系统管理员 change the calendar (the command line is trusted); every change and refusal is logged."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from gongkai.core.models import AuditLog
from gongkai.workdays.calendar import is_workday, year_is_complete
from gongkai.workdays.models import CalendarDay, Source
from gongkai.workdays.services import (
    calendar_day_clear,
    calendar_day_set,
    calendar_year_mark_complete,
    calendar_year_mark_incomplete,
)
from gongkai.workdays.tests.factories import make_admin, make_staff

pytestmark = pytest.mark.django_db


def test_staff_of_a_body_are_refused_and_the_refusal_is_logged() -> None:
    staff = make_staff()
    with pytest.raises(PermissionDenied, match="系统管理员"):
        calendar_day_set(date=date(2025, 10, 9), is_workday=False, name="放假", actor=staff)
    with pytest.raises(PermissionDenied):
        calendar_year_mark_incomplete(year=2025, actor=staff)
    assert not CalendarDay.objects.filter(source=Source.ADMIN).exists()
    assert is_workday(date(2025, 10, 9))
    assert year_is_complete(2025)
    refused = AuditLog.objects.filter(outcome=AuditLog.Outcome.REFUSED, actor=staff)
    assert set(refused.values_list("action", flat=True)) == {
        "calendar_day_set",
        "calendar_year_mark_incomplete",
    }


def test_an_anonymous_user_is_refused() -> None:
    with pytest.raises(PermissionDenied):
        calendar_year_mark_complete(year=2027, actor=AnonymousUser())


def test_an_administrators_changes_are_logged_with_before_and_after() -> None:
    admin = make_admin()
    calendar_day_set(date=date(2025, 10, 9), is_workday=False, name="台风停工", actor=admin)
    calendar_day_clear(date=date(2025, 10, 9), actor=admin)
    set_log, clear_log = AuditLog.objects.filter(actor=admin).order_by("id")
    assert set_log.action == "calendar_day_set"
    assert set_log.detail == {
        "date": "2025-10-09",
        "before": None,
        "after": {"is_workday": False, "name": "台风停工"},
    }
    assert "2025-10-09 台风停工（休）" in set_log.message
    assert clear_log.action == "calendar_day_clear"
    assert clear_log.detail["before"] == {"is_workday": False, "name": "台风停工"}


def test_the_command_line_needs_no_user_and_is_logged_without_one() -> None:
    calendar_day_set(date=date(2027, 10, 1), is_workday=False, name="国庆节")
    calendar_year_mark_complete(year=2027)
    logged = AuditLog.objects.filter(actor=None, outcome=AuditLog.Outcome.DONE)
    assert set(logged.values_list("action", flat=True)) == {"calendar_day_set", "calendar_year_mark_complete"}


def test_marking_a_year_that_is_already_complete_changes_and_logs_nothing() -> None:
    calendar_year_mark_complete(year=2025)
    assert not AuditLog.objects.filter(action="calendar_year_mark_complete").exists()


def test_withdrawing_a_year_that_was_never_complete_changes_and_logs_nothing() -> None:
    calendar_year_mark_incomplete(year=2030)
    assert not year_is_complete(2030)
    assert not AuditLog.objects.filter(action="calendar_year_mark_incomplete").exists()
