"""`application_recompute_open_due_dates`: after an administrator changes the calendar, the stored due
dates of open applications follow; closed ones keep theirs; with a year, only periods touching it."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications.models import EventKind, Result
from gongkai.applications.services import (
    application_draft_reply,
    application_recompute_open_due_dates,
    application_sign_reply,
)
from gongkai.applications.tests.factories import make_cast, register
from gongkai.workdays import store
from gongkai.workdays.models import CalendarDay, Source

pytestmark = pytest.mark.django_db


def close_a_day(day: date) -> None:
    CalendarDay.objects.create(date=day, is_workday=False, name="台风停工", source=Source.ADMIN)
    store.bump_token()


def test_a_new_rest_day_moves_open_due_dates_and_leaves_closed_ones() -> None:
    cast = make_cast()
    open_one = register(cast, date(2025, 3, 3))
    closed = register(cast, date(2025, 3, 3))
    application_draft_reply(actor=cast.staff, application=closed, result=Result.DISCLOSED)
    application_sign_reply(actor=cast.head, application=closed, replied_on=date(2025, 3, 31))
    untouched = register(cast, date(2024, 3, 4))

    close_a_day(date(2025, 3, 14))
    assert application_recompute_open_due_dates(year=2025) == 1
    open_one.refresh_from_db()
    closed.refresh_from_db()
    untouched.refresh_from_db()
    assert open_one.due_date == date(2025, 4, 1)
    assert closed.due_date == date(2025, 3, 31)
    assert untouched.due_date == date(2024, 4, 1)
    event = open_one.events.get(kind=EventKind.DUE_DATE_RECOMPUTED)
    assert (event.before["due_date"], event.after["due_date"]) == ("2025-03-31", "2025-04-01")


def test_a_year_the_period_does_not_touch_is_skipped() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    close_a_day(date(2025, 3, 14))
    assert application_recompute_open_due_dates(year=2024) == 0
    application.refresh_from_db()
    assert application.due_date == date(2025, 3, 31)
    assert application_recompute_open_due_dates() == 1
