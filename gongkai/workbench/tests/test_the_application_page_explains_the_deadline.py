"""The application page shows the due date with the step-by-step explanation of
`deadlines.compute_deadline`, marked 暂定 when it runs through a year whose calendar is not complete."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from gongkai.applications.deadlines import compute_deadline
from gongkai.workbench.tests.factories import client_for, make_cast, register

pytestmark = pytest.mark.django_db


def test_the_due_date_and_every_step_are_shown() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    page = client_for(cast.staff).get(f"/staff/applications/{application.pk}/").content.decode()
    assert '<strong class="big-date" id="due-date">2025-03-31</strong>' in page
    for step in compute_deadline(application).steps:
        assert step in page
    assert "暂定" not in page


@time_machine.travel("2026-12-21 09:00 +0800", tick=False)
def test_a_deadline_into_a_year_without_calendar_is_marked_provisional() -> None:
    cast = make_cast()
    application = register(cast, date(2026, 12, 21))
    deadline = compute_deadline(application)
    assert deadline.provisional
    page = client_for(cast.staff).get(f"/staff/applications/{application.pk}/").content.decode()
    assert "暂定" in page
    assert deadline.due_date is not None and deadline.due_date.isoformat() in page
