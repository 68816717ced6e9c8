"""条例第三十三条: the reply is due within 20 working days of receipt, counted from the day after it,
on the official calendar (holidays off, make-up days on)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications.deadlines import compute_deadline
from gongkai.applications.tests.factories import Cast, make_cast, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def test_an_ordinary_month_gives_the_twentieth_working_day(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    deadline = compute_deadline(application)
    assert (deadline.due_date, deadline.provisional) == (date(2025, 3, 31), False)
    assert deadline.steps[:2] == [
        "收到申请 2025-03-03（周一）",
        "第三十三条：20个工作日 → 2025-03-31（周一）",
    ]
    assert deadline.steps[-1] == "答复期限：2025-03-31（周一）"


def test_the_stored_due_date_is_the_computed_one(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application.refresh_from_db()
    assert (application.due_date, application.due_date_provisional) == (date(2025, 3, 31), False)


def test_an_application_received_on_a_holiday_counts_from_the_next_day(cast: Cast) -> None:
    # 2025-10-01 is 国庆节; the 20th working day strictly after it is 2025-11-04, not the 11-05 that
    # chinese_calendar.find_workday would give.
    application = register(cast, date(2025, 10, 1))
    deadline = compute_deadline(application)
    assert deadline.due_date == date(2025, 11, 4)
    assert (
        deadline.steps[2]
        == "其间：国庆节、中秋节 2025-10-02至2025-10-08 放假；国庆节调休上班 2025-10-11 上班"
    )


def test_make_up_weekend_days_are_counted_as_working_days(cast: Cast) -> None:
    # Received Friday 2025-09-26: Sunday 09-28 and Saturday 10-11 are make-up working days.
    application = register(cast, date(2025, 9, 26))
    assert compute_deadline(application).due_date == date(2025, 10, 30)


def test_a_holiday_inside_the_period_pushes_the_due_date_back(cast: Cast) -> None:
    # 2025-04-04 is 清明节.
    assert compute_deadline(register(cast, date(2025, 3, 10))).due_date == date(2025, 4, 8)
