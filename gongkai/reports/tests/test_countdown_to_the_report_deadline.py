"""The workbench counts down to the deadline of a body's report on last year (条例第四十九条 and the format
notices): days left, the deadline day itself, overdue from the day after; published on time or late (by
the first version); published elsewhere; covered by another body. The home page shows it to the body's
staff."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.template import Context, Template

from gongkai.reports.annual.deadlines import report_countdown
from gongkai.reports.models import CoveredBody
from gongkai.reports.tests.aggregation_factories import import_report, make_county, publish, zero_cells
from gongkai.reports.tests.audit_web_factories import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("today", "state", "days", "text"),
    [
        (date(2025, 1, 1), "open", 30, "距发布截止还有30天"),
        (date(2025, 1, 21), "due_soon", 10, "距发布截止还有10天"),
        (date(2025, 1, 31), "today", 0, "今天是发布截止日"),
        (date(2025, 2, 1), "overdue", 1, "已逾期1天"),
    ],
)
def test_days_left_the_day_itself_and_overdue(today: date, state: str, days: int, text: str) -> None:
    county = make_county()
    countdown = report_countdown(county.finance, 2024, today)
    assert (countdown.state, countdown.days, countdown.deadline) == (state, days, date(2025, 1, 31))
    html = Template("{% include 'reports/annual/_countdown.html' %}").render(
        Context({"countdown": countdown})
    )
    assert text in html


def test_published_on_time_late_elsewhere_or_covered() -> None:
    county = make_county()
    publish(county.finance, 2024, county.staff, published_on=date(2025, 1, 31))
    publish(county.finance, 2024, county.staff, published_on=date(2025, 3, 1), number=2)
    publish(county.government, 2024, county.staff, published_on=date(2025, 2, 22))
    import_report(county.police, 2024, zero_cells(), published_on=date(2025, 1, 15))
    CoveredBody.objects.create(agency=county.grandchild, year=2024, covered_by=county.police)
    today = date(2025, 4, 1)

    on_time = report_countdown(county.finance, 2024, today)
    assert (on_time.state, on_time.published_on, on_time.published_late) == (
        "published",
        date(2025, 1, 31),
        False,
    )
    late = report_countdown(county.government, 2024, today)  # 20 February for a county government
    assert (late.state, late.days, late.published_late) == ("published", 2, True)
    elsewhere = report_countdown(county.police, 2024, today)
    assert (elsewhere.state, elsewhere.published_elsewhere) == ("published", True)
    covered = report_countdown(county.grandchild, 2024, today)
    assert (covered.state, covered.covered_by) == ("covered", "象山县公安局")

    html = Template("{% load annual_report %}{% annual_countdown agency 2024 True %}").render(
        Context({"agency": county.government})
    )
    assert "象山县人民政府2024年度报告" in html and "已发布" in html and "逾期2天" in html


def test_the_workbench_home_shows_the_countdown_to_staff_and_the_dashboard_to_supervisors() -> None:
    from gongkai.agencies.models import Membership
    from gongkai.appeals.tests.factories import make_user

    county = make_county()
    staff = make_user(county.finance, Membership.Role.STAFF, username="cz-staff")
    supervisor = make_user(county.government, Membership.Role.SUPERVISOR, username="supervisor")
    with time_machine.travel(date(2025, 1, 25), tick=False):
        page = client_for(staff).get("/staff/").content.decode()
        assert "象山县财政局" in page and "距发布截止还有6天" in page
        assert "年度报告督查" not in page
        home = client_for(supervisor).get("/staff/").content.decode()
        assert 'href="/staff/reports/supervision/XS/"' in home
