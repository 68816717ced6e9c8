"""The demo holds the annual reports on the year just ended, each in a state of its way to publication,
made through the report's services: one published on time with its DOCX and PDF, one awaiting the head,
a draft with its yearly figures, the county government's aggregated report published late, a township
covered by it, one imported from the body's own site, and bodies with nothing, overdue. The supervising
office's dashboard shows every one of those statuses, and the portal serves the published reports."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from io import StringIO
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from gongkai.agencies.models import Agency
from gongkai.applications.tests.factories import SHANGHAI
from gongkai.reports.annual.dashboard import region_dashboard
from gongkai.reports.models import AnnualReport, PublishedReport, YearlyFigure

pytestmark = pytest.mark.django_db
DAY = datetime(2026, 3, 16, 9, tzinfo=SHANGHAI)  # after every deadline on the year 2025


@pytest.fixture(scope="module")
def out(django_db_setup: None, django_db_blocker: Any) -> Iterator[str]:
    with django_db_blocker.unblock(), transaction.atomic(), time_machine.travel(DAY, tick=False):
        printed = StringIO()
        call_command("demo", stdout=printed, stderr=StringIO())
        yield printed.getvalue()
        transaction.set_rollback(True)


def report(code: str) -> AnnualReport:
    return AnnualReport.objects.get(agency__code=code, year=2025)


def test_each_body_has_its_report_in_its_state(out: str) -> None:
    published = report("NB-ZRZY")
    assert published.state == AnnualReport.State.PUBLISHED
    version = published.versions.get()
    assert version.published_on == date(2026, 1, 20)
    assert bytes(version.docx).startswith(b"PK") and bytes(version.pdf).startswith(b"%PDF")
    assert version.content["cells"]["requests.new_received.total"] >= 12
    assert not [f for f in version.findings if f["severity"] == "error"]
    assert report("XS-ZRZY").state == AnnualReport.State.SUBMITTED
    draft = report("XS-SCJG")
    assert draft.state == AnnualReport.State.DRAFT
    assert YearlyFigure.objects.filter(agency=draft.agency, year=2025).count() >= 5
    assert PublishedReport.objects.filter(agency__code="NB-ZJJ", year=2025).exists()
    assert not AnnualReport.objects.filter(agency__code__in=["NB-BGT", "XS-DX"]).exists()


def test_the_county_report_sums_its_bodies_and_was_published_late(out: str) -> None:
    version = report("XS").versions.get()
    assert version.published_on == date(2026, 2, 24)
    members = {member["code"] for member in version.content["members"]}
    # 丹西街道 is covered by the county government: its records count in the government office's row.
    assert {"XS", "XS-ZRZY", "XS-SCJG", "XS-SP"} <= members and "XS-DX" not in members
    total = version.content["cells"]["requests.new_received.total"]
    own = report("XS-ZRZY").agency.applications.filter(received_on__year=2025).count()
    assert total >= own > 0
    # Every body it sums entered table 二, so the county's table 二 is filled in.
    assert version.content["cells"]["item20_5.licensing.decisions"] == 842 + 3105 + 57 + 0


def test_the_supervisors_dashboard_shows_every_status_after_the_deadlines(out: str) -> None:
    board = region_dashboard(Agency.objects.get(code="NB"), 2025, today=DAY.date())
    statuses = {line.agency.code: line.status for line in board.lines}
    assert statuses["NB-ZRZY"] == "published_on_time"
    assert statuses["XS"] == "published_late"
    assert statuses["XS-DX"] == "covered"
    assert statuses["NB-ZJJ"] == "external"
    assert statuses["XS-SP"] == statuses["NB-BGT"] == "overdue"
    states = {line.agency.code: line.state for line in board.lines}
    assert states["XS-ZRZY"] == "submitted" and states["XS-SCJG"] == "draft"


def test_the_help_links_the_reports_and_the_portal_serves_them(out: str) -> None:
    assert "/staff/reports/supervision/NB/" in out and "/staff/annual-reports/agencies/XS-ZRZY/" in out
    client = Client()
    page = client.get("/reports/NB-ZRZY/2025/")
    assert (
        page.status_code == 200
        and "宁波市自然资源和规划局2025年政府信息公开工作年度报告" in page.content.decode()
    )
    for form in ("docx", "pdf"):
        assert client.get(f"/reports/NB-ZRZY/2025/v1.{form}").status_code == 200
    assert client.get("/reports/XS-ZRZY/2025/").status_code == 404
