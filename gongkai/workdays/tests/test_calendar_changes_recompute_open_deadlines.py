"""A change of the calendar recomputes the stored due dates of the applications still open."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.contrib.auth.models import User

from gongkai.agencies.models import Agency
from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.models import Application
from gongkai.applications.services import application_register
from gongkai.workdays.services import calendar_day_clear, calendar_day_set, calendar_year_mark_complete
from gongkai.workdays.tests.factories import make_staff

pytestmark = pytest.mark.django_db


def register_in_person(staff: User, received_on: date) -> Application:
    return application_register(
        actor=staff,
        agency=Agency.objects.get(code="NB"),
        channel="in_person",
        received_on=received_on,
        applicant=ApplicantDetails(
            applicant_type="natural_person",
            applicant_name="张三",
            applicant_id_number="11010519491231002X",
            phone="0574-87000000",
            description="2025年本机关财政预算执行情况",
            requested_form="paper",
            delivery_method="pickup",
        ),
    ).application


@time_machine.travel(date(2025, 10, 1), tick=False)
def test_a_new_holiday_moves_the_due_date_of_an_open_application_and_clearing_it_moves_it_back() -> None:
    application = register_in_person(make_staff(), date(2025, 10, 1))
    assert (application.due_date, application.due_date_provisional) == (date(2025, 11, 4), False)
    calendar_day_set(date=date(2025, 10, 9), is_workday=False, name="台风停工")
    application.refresh_from_db()
    assert application.due_date == date(2025, 11, 5)
    calendar_day_clear(date=date(2025, 10, 9))
    application.refresh_from_db()
    assert application.due_date == date(2025, 11, 4)


@time_machine.travel(date(2026, 12, 21), tick=False)
def test_marking_the_next_year_complete_makes_an_open_deadline_final() -> None:
    application = register_in_person(make_staff(), date(2026, 12, 21))
    # 元旦 2027 is already a holiday by the 办法; the administrator's entry confirms it.
    assert (application.due_date, application.due_date_provisional) == (date(2027, 1, 19), True)
    calendar_day_set(date=date(2027, 1, 1), is_workday=False, name="元旦")
    application.refresh_from_db()
    assert (application.due_date, application.due_date_provisional) == (date(2027, 1, 19), True)
    calendar_year_mark_complete(year=2027)
    application.refresh_from_db()
    assert (application.due_date, application.due_date_provisional) == (date(2027, 1, 19), False)
