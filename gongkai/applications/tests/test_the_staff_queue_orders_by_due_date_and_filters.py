"""The staff queue: open applications first by due date, then closed ones; search by number, applicant
or description; filter by status and by deadline state (overdue, due soon), derived from the dates."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from gongkai.applications.models import Result
from gongkai.applications.selectors import applications_queue
from gongkai.applications.services import application_draft_reply, application_sign_reply
from gongkai.applications.tests.factories import Cast, make_cast, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def numbers(page: object) -> list[str]:
    return [application.number for application in page]  # type: ignore[attr-defined]


def test_open_applications_come_first_those_awaiting_staff_first_then_by_due_date_then_closed(
    cast: Cast,
) -> None:
    late = register(cast, date(2025, 3, 10))  # due 04-08
    early = register(cast, date(2025, 3, 3))  # due 03-31
    pending = register(cast, None, channel="online")
    done = register(cast, date(2025, 1, 6))
    application_draft_reply(actor=cast.staff, application=done, result=Result.DISCLOSED)
    application_sign_reply(actor=cast.head, application=done, replied_on=date(2025, 1, 20))
    # The online application awaits staff confirming its receipt: the top of the work.
    assert numbers(applications_queue([cast.agency])) == [
        pending.number,
        early.number,
        late.number,
        done.number,
    ]


def test_search_finds_number_applicant_and_description(cast: Cast) -> None:
    first = register(cast, date(2025, 3, 3), description="慈溪市轨道交通规划环评")
    second = register(cast, date(2025, 3, 3), applicant_name="王五", applicant_id_number="330203198001011231")
    assert numbers(applications_queue([cast.agency], q="轨道交通")) == [first.number]
    assert numbers(applications_queue([cast.agency], q="王五")) == [second.number]
    assert numbers(applications_queue([cast.agency], q=second.number)) == [second.number]


def test_deadline_states_are_derived_from_today(cast: Cast) -> None:
    overdue = register(cast, date(2025, 3, 3))  # due 2025-03-31
    soon = register(cast, date(2025, 3, 10))  # due 2025-04-08
    later = register(cast, date(2025, 3, 24))  # due 2025-04-22
    today = date(2025, 4, 1)  # 04-08 is the 5th working day after it (04-04 is off)
    assert numbers(applications_queue([cast.agency], state="overdue", today=today)) == [overdue.number]
    assert numbers(applications_queue([cast.agency], state="due_soon", today=today)) == [soon.number]
    assert numbers(applications_queue([cast.agency], state="ok", today=today)) == [later.number]


def test_only_the_bodies_given_are_listed(cast: Cast) -> None:
    register(cast, date(2025, 3, 3))
    assert numbers(applications_queue([])) == []


def test_unknown_filters_are_refused(cast: Cast) -> None:
    with pytest.raises(ValidationError):
        applications_queue([cast.agency], status="lost")
    with pytest.raises(ValidationError):
        applications_queue([cast.agency], state="late")


def test_pages_hold_the_requested_number(cast: Cast) -> None:
    for _ in range(3):
        register(cast, date(2025, 3, 3))
    page = applications_queue([cast.agency], per_page=2, page=2)
    assert (page.number, len(page.object_list), page.paginator.count) == (2, 1, 3)
