"""A body new to Gongkai makes its annual reports here from the year it was entered (`Agency.reports_from`):
its years start there, with their deadlines counted (条例第四十九条); the years before it were reported
before it used Gongkai — shown as 未在本系统编制 with a link to import the published report, never as
overdue, on the years page, on the workbench's countdown and on the report page — unless a report of
them is here (imported, or opened here), which then shows as such, still never overdue."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from gongkai.agencies.models import Agency
from gongkai.applications.tests.factories import Cast, make_cast
from gongkai.reports.annual import services
from gongkai.reports.annual.content import build_content
from gongkai.reports.annual.deadlines import report_countdown
from gongkai.reports.annual.selectors import report_years
from gongkai.reports.annual.text import report_text
from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.audit.services import ReportFile, published_reports_import
from gongkai.reports.auditing import audit_report
from gongkai.reports.models import AnnualReport
from gongkai.reports.tests.annual_workflow_factories import PROBLEMS
from gongkai.workbench.tests.factories import client_for

pytestmark = pytest.mark.django_db
# Entered on 1 March 2026: its report on 2025 was due by 31 January, before it used Gongkai.
ENTERED = datetime(2026, 3, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
LATER = datetime(2027, 3, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def new_body() -> Cast:
    with time_machine.travel(ENTERED, tick=False):
        return make_cast()


def import_report(agency: Agency, year: int) -> None:
    """The body's report on `year`, as published on another platform and imported for audit."""
    report = AnnualReport(agency=agency, year=year, format="2021", problems=PROBLEMS)
    text = report_text(build_content(agency, year, report, today=date(year + 1, 1, 20)))
    parsed = audit_report(read_report_bytes(text.encode(), f"{year}.txt"))
    published_reports_import(agency=agency, files=[ReportFile(parsed, text.encode(), f"{year}.txt")])


def row(html: str, year: int) -> str:
    return html.split(f'id="year-{year}"')[1].split("</tr>")[0]


def test_a_new_body_reports_here_from_the_year_it_was_entered() -> None:
    cast = new_body()
    assert cast.agency.reports_from == 2026


@time_machine.travel(LATER, tick=False)
def test_the_years_before_it_are_not_made_here_and_never_overdue() -> None:
    cast = new_body()
    lines = {line.year: line for line in report_years(cast.agency, LATER.date())}
    assert list(lines) == [2027, 2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019]
    assert lines[2026].reported_here and lines[2026].late  # due 31 January 2027, not published
    for year in range(2019, 2026):
        assert not lines[year].reported_here and not lines[year].late and not lines[year].counts_down
        assert lines[year].state_label == "未在本系统编制"

    html = client_for(cast.staff).get(reverse("annual:years", args=["NB-FGW"])).content.decode()
    assert "已逾期" in row(html, 2026)
    for year in range(2019, 2026):
        assert "未在本系统编制" in row(html, year) and "逾期" not in row(html, year)
        assert reverse("reports:upload") in row(html, year)  # import the report it published elsewhere
    assert "本机关自2026年度起在本系统编制年度报告" in html


@time_machine.travel(LATER, tick=False)
def test_an_earlier_year_imported_or_opened_here_shows_as_such_and_not_overdue() -> None:
    cast = new_body()
    import_report(cast.agency, 2024)
    services.annual_report_open(actor=cast.staff, agency=cast.agency, year=2023, today=LATER.date())
    lines = {line.year: line for line in report_years(cast.agency, LATER.date())}
    assert lines[2024].state_label == "已在其他平台发布（已导入）" and not lines[2024].late
    assert lines[2023].state_label == "草稿" and not lines[2023].late and not lines[2023].counts_down

    html = client_for(cast.staff).get(reverse("annual:years", args=["NB-FGW"])).content.decode()
    assert "审核结果" in row(html, 2024) and "逾期" not in row(html, 2024)
    assert "草稿" in row(html, 2023) and "逾期" not in row(html, 2023)


@time_machine.travel(LATER, tick=False)
def test_the_countdown_of_a_year_before_it_is_neutral_on_the_workbench_and_the_report_page() -> None:
    cast = new_body()
    before = report_countdown(cast.agency, 2025, LATER.date())
    assert (before.state, before.reports_from) == ("not_here", 2026)
    assert report_countdown(cast.agency, 2026, LATER.date()).state == "overdue"

    client = client_for(cast.staff)
    page = client.get(reverse("annual:report", args=["NB-FGW", 2025])).content.decode()
    deadline = page.split('id="deadline"')[1].split("</div>")[0]
    assert "未在本系统编制" in deadline and "逾期" not in deadline
    home = client.get(reverse("workbench:home")).content.decode()
    countdown = home.split('class="countdown')[1].split("</p>")[0]
    assert "2026年度报告" in countdown and "已逾期" in countdown  # due after it was entered


@time_machine.travel(datetime(2026, 12, 6, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False)
def test_the_workbench_shows_no_overdue_year_to_a_body_entered_this_year() -> None:
    cast = make_cast()
    home = client_for(cast.staff).get(reverse("workbench:home")).content.decode()
    countdown = home.split('class="countdown')[1].split("</p>")[0]
    assert "2025年度报告" in countdown and "未在本系统编制" in countdown and "逾期" not in countdown
    reports = home.split("2025年度报告</a>")[1].split("</li>")[0]  # the list of the body's last years
    assert "未在本系统编制" in reports
