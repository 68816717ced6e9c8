"""The body's years on the workbench count down to each deadline (条例第四十九条): days left, or days
overdue for a report never published; a year whose report the body published elsewhere and imported is
neither, and links to its audit."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from gongkai.agencies.models import Agency
from gongkai.reports.annual.content import build_content
from gongkai.reports.annual.selectors import report_years
from gongkai.reports.annual.text import report_text
from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.audit.services import ReportFile, published_reports_import
from gongkai.reports.auditing import audit_report
from gongkai.reports.models import AnnualReport
from gongkai.reports.tests.annual_workflow_factories import PROBLEMS, make_cast
from gongkai.workbench.tests.factories import client_for

pytestmark = pytest.mark.django_db
NOW = datetime(2025, 1, 10, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def import_report(agency: Agency, year: int) -> None:
    """The body's report on `year`, as published on another platform and imported for audit."""
    report = AnnualReport(agency=agency, year=year, format="2021", problems=PROBLEMS)
    text = report_text(build_content(agency, year, report, today=date(year + 1, 1, 20)))
    parsed = audit_report(read_report_bytes(text.encode(), f"{year}.txt"))
    published_reports_import(agency=agency, files=[ReportFile(parsed, text.encode(), f"{year}.txt")])


@time_machine.travel(NOW, tick=False)
def test_each_year_counts_down_or_says_how_late_it_is() -> None:
    cast = make_cast()
    import_report(cast.agency, 2023)
    lines = {line.year: line for line in report_years(cast.agency, NOW.date())}
    assert lines[2024].days_left == 21 and not lines[2024].late
    assert lines[2022].late and lines[2022].state_label == "未开始"
    assert lines[2023].imported is not None and not lines[2023].late
    assert lines[2023].state_label == "已在其他平台发布（已导入）"
    assert not lines[2025].year_ended

    html = client_for(cast.staff).get(reverse("annual:years", args=["NB-FGW"])).content.decode()
    row_2023 = html.split('id="year-2023"')[1].split("</tr>")[0]
    row_2022 = html.split('id="year-2022"')[1].split("</tr>")[0]
    assert "审核结果" in row_2023 and "逾期" not in row_2023
    assert "已逾期" in row_2022
    assert "还剩 21 天" in html.split('id="year-2024"')[1].split("</tr>")[0]
