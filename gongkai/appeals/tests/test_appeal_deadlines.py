from __future__ import annotations

from datetime import date

import pytest

from gongkai.appeals.deadlines import (
    litigation_defence_deadline,
    reconsideration_reply_deadline,
    response_deadline,
    response_is_overdue,
)
from gongkai.appeals.models import AppealCase, CaseKind

pytestmark = pytest.mark.django_db


def test_the_reply_to_a_reconsideration_is_due_in_10_working_days_under_the_2023_law() -> None:
    # 2025-09-28 (Sunday) and 2025-10-11 (Saturday) are make-up working days; 10-01 to 10-08 are holidays.
    deadline = reconsideration_reply_deadline(date(2025, 9, 26))
    assert deadline.due_date == date(2025, 10, 16)
    assert not deadline.provisional
    assert "第四十八条" in deadline.basis and "第八十八条" in deadline.basis


def test_the_simplified_procedure_gives_5_working_days() -> None:
    deadline = reconsideration_reply_deadline(date(2025, 9, 26), simplified=True)
    assert deadline.due_date == date(2025, 10, 10)
    assert "第五十四条" in deadline.basis


def test_before_2024_the_reply_was_due_in_10_calendar_days_moved_past_a_holiday() -> None:
    # 2023-09-30 falls in the 中秋、国庆 holiday (09-29 to 10-06); 10-07 (Saturday) was a working day.
    deadline = reconsideration_reply_deadline(date(2023, 9, 20))
    assert deadline.due_date == date(2023, 10, 7)
    assert "1999" in deadline.basis and "顺延" in deadline.basis
    assert reconsideration_reply_deadline(date(2023, 3, 1)).due_date == date(
        2023, 3, 13
    )  # 03-11 is a Saturday


def test_the_defence_in_litigation_is_due_in_15_calendar_days() -> None:
    assert litigation_defence_deadline(date(2025, 3, 3)).due_date == date(2025, 3, 18)
    # 2025-10-01 is 国庆节: the period ends on the first working day after the holiday.
    late = litigation_defence_deadline(date(2025, 9, 16))
    assert late.due_date == date(2025, 10, 9)
    assert "第六十七条" in late.basis


def test_a_deadline_ending_in_a_year_without_an_official_calendar_is_provisional() -> None:
    deadline = litigation_defence_deadline(date(2026, 12, 20))
    assert deadline.due_date == date(2027, 1, 4)
    assert deadline.provisional


def test_a_case_has_no_deadline_until_the_copy_is_received_and_is_overdue_only_without_a_response() -> None:
    case = AppealCase(kind=CaseKind.LITIGATION_DIRECT, filed_on=date(2025, 2, 20))
    assert response_deadline(case) is None
    assert not response_is_overdue(case, date(2025, 12, 31))
    case.copy_received_on = date(2025, 3, 3)
    assert not response_is_overdue(case, date(2025, 3, 18))
    assert response_is_overdue(case, date(2025, 3, 19))
    case.response_submitted_on = date(2025, 3, 25)
    assert not response_is_overdue(case, date(2025, 3, 26))
