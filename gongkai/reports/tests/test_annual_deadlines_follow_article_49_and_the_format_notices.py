"""The publication deadline of a report (条例第四十九条 and the format notices): departments and 乡镇/街道
by 31 January, county governments by 20 February, prefectures by 10 March, provinces by 31 March."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.agencies.models import Agency
from gongkai.reports.annual.deadlines import days_left, report_deadline


@pytest.mark.parametrize(
    ("kind", "level", "deadline"),
    [
        ("department", "county", date(2025, 1, 31)),
        ("department", "province", date(2025, 1, 31)),
        ("township", "township", date(2025, 1, 31)),
        ("government", "township", date(2025, 1, 31)),
        ("government", "county", date(2025, 2, 20)),
        ("government", "prefecture", date(2025, 3, 10)),
        ("government", "province", date(2025, 3, 31)),
    ],
)
def test_each_kind_of_body_has_its_deadline(kind: str, level: str, deadline: date) -> None:
    agency = Agency(code="X", name="某机关", kind=kind, level=level)
    assert report_deadline(agency, 2024) == deadline


def test_days_left_counts_down_to_zero_on_the_day_and_below_after() -> None:
    agency = Agency(code="X", name="某县人民政府", kind="government", level="county")
    assert days_left(agency, 2024, date(2025, 2, 10)) == 10
    assert days_left(agency, 2024, date(2025, 2, 20)) == 0
    assert days_left(agency, 2024, date(2025, 2, 21)) == -1
