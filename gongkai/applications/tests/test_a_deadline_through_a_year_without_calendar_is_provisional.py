"""A deadline that runs into a year whose official calendar is not yet known is counted there with the
holidays the 办法 fixes (only 调休 unknown) and marked provisional (暂定); entering that year's calendar
recomputes it."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine

from gongkai.applications.deadlines import compute_deadline
from gongkai.applications.models import ApplicationEvent, EventKind
from gongkai.applications.services import application_recompute_open_due_dates
from gongkai.applications.tests.factories import SHANGHAI, make_cast, register
from gongkai.workdays.models import CalendarYear

pytestmark = pytest.mark.django_db


@time_machine.travel(datetime(2026, 12, 21, 9, tzinfo=SHANGHAI), tick=False)
def test_a_period_running_into_an_unknown_year_is_provisional_and_says_so() -> None:
    application = register(make_cast(), date(2026, 12, 21))
    deadline = compute_deadline(application)
    assert (deadline.due_date, deadline.provisional) == (date(2027, 1, 19), True)
    assert (
        deadline.steps[-1]
        == "答复期限：2027-01-19（周二）（暂定：2027年节假日调休安排尚未公布，按法定节假日计算）"
    )
    assert application.due_date_provisional is True


@time_machine.travel(datetime(2026, 12, 21, 9, tzinfo=SHANGHAI), tick=False)
def test_recomputing_after_the_year_is_complete_makes_it_final_and_records_the_change() -> None:
    application = register(make_cast(), date(2026, 12, 21))
    # As an administrator would, without the calendar service: the recomputation is this app's job.
    CalendarYear.objects.update_or_create(year=2027, defaults={"is_complete": True})
    from gongkai.workdays import store

    store.bump_token()
    assert application_recompute_open_due_dates(year=2027) == 1
    application.refresh_from_db()
    # Complete with no holiday entered for 2027: Monday–Friday, 元旦 included.
    assert (application.due_date, application.due_date_provisional) == (date(2027, 1, 18), False)
    change = ApplicationEvent.objects.get(application=application, kind=EventKind.DUE_DATE_RECOMPUTED)
    assert change.before["due_date_provisional"] is True
    assert change.after["due_date_provisional"] is False
    # Nothing changed the second time: no count, no event.
    assert application_recompute_open_due_dates(year=2027) == 0
    assert ApplicationEvent.objects.filter(kind=EventKind.DUE_DATE_RECOMPUTED).count() == 1
