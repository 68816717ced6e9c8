"""The holidays and make-up days in a period, described for the explanation of a deadline."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.workdays.calendar import describe_day, special_days_between

pytestmark = pytest.mark.django_db


def test_the_days_skipped_or_added_in_a_period_are_listed_in_order() -> None:
    days = special_days_between(date(2025, 9, 26), date(2025, 10, 11))
    assert [describe_day(d.date) for d in days] == [
        "2025-09-28 国庆节调休上班（班）",
        "2025-10-01 国庆节（休）",
        "2025-10-02 国庆节（休）",
        "2025-10-03 国庆节（休）",
        "2025-10-06 中秋节（休）",
        "2025-10-07 国庆节（休）",
        "2025-10-08 国庆节（休）",
        "2025-10-11 国庆节调休上班（班）",
    ]


def test_the_start_is_excluded_and_the_end_included() -> None:
    assert [d.date for d in special_days_between(date(2025, 10, 1), date(2025, 10, 2))] == [date(2025, 10, 2)]


def test_ordinary_days_are_described_by_their_weekday() -> None:
    assert describe_day(date(2025, 10, 9)) == "2025-10-09 星期四（班）"
    assert describe_day(date(2025, 10, 12)) == "2025-10-12 星期日（休）"
