"""Overdue and due soon are derived from the due date and today, never stored: due soon with at most 5
working days left (the due date itself included)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications.deadlines import deadline_state, due_soon_horizon

pytestmark = pytest.mark.django_db

DUE = date(2025, 4, 8)  # a Tuesday; 2025-04-04 (Friday) is 清明节


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (date(2025, 3, 28), "ok"),  # 6 working days left: 03-31, 04-01, 04-02, 04-03, 04-07, 04-08
        (date(2025, 3, 31), "due_soon"),  # 5 left: 04-01, 04-02, 04-03, 04-07, 04-08
        (date(2025, 4, 8), "due_soon"),  # the due date itself
        (date(2025, 4, 9), "overdue"),
    ],
)
def test_the_state_on_each_day_around_the_due_date(today: date, state: str) -> None:
    assert deadline_state(DUE, today) == state


def test_without_a_due_date_there_is_no_state() -> None:
    assert deadline_state(None, date(2025, 4, 1)) is None


def test_the_horizon_for_queries_is_the_fifth_working_day() -> None:
    assert due_soon_horizon(date(2025, 4, 1)) == date(2025, 4, 9)
    assert deadline_state(due_soon_horizon(date(2025, 4, 1)), date(2025, 4, 1)) == "due_soon"
