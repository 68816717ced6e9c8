"""Lists filter "due soon" in SQL with `due_date <= due_soon_horizon(today)`; pages mark rows with
`deadline_state`. Both must say the same for every due date, rest days included."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from gongkai.applications.deadlines import deadline_state, due_soon_horizon
from gongkai.workdays.calendar import workdays_between

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("today", [date(2025, 4, 1), date(2025, 9, 26), date(2025, 9, 30), date(2026, 2, 13)])
def test_a_due_date_is_due_soon_exactly_when_it_lies_within_the_horizon(today: date) -> None:
    horizon = due_soon_horizon(today)
    for offset in range(0, 30):
        due = today + timedelta(days=offset)
        within = due <= horizon
        assert (deadline_state(due, today) == "due_soon") == within
        assert within == (workdays_between(today, due) <= 5)
