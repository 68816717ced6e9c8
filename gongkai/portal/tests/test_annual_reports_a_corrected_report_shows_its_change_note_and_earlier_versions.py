"""A corrected report is marked 已更正 on the portal with its change note and links to its earlier
versions, each of which is still shown and downloadable, marked as superseded."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.reports.annual import services
from gongkai.reports.tests.annual_workflow_factories import approved, files_not_rendered, make_cast

__all__ = ["files_not_rendered"]  # the fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("files_not_rendered")]


def test_the_correction_and_the_earlier_version_are_both_public() -> None:
    cast = make_cast()
    report = approved(cast)
    services.annual_report_publish(actor=cast.staff, report=report, today=date(2025, 1, 10))
    services.annual_report_start_correction(actor=cast.staff, report=report, reason="行政处罚决定数量有误")
    later = date(2025, 3, 1)
    services.yearly_figures_save(
        actor=cast.staff, agency=cast.agency, year=2024, values={"item20_6.penalty.decisions": 9}, today=later
    )
    # While the correction is worked on, the published version stays public.
    assert Client().get(reverse("portal:annual_report", args=["NB-FGW", 2024])).status_code == 200
    services.annual_report_submit(actor=cast.staff, report=report, today=later)
    services.annual_report_approve(actor=cast.head, report=report, today=later)
    services.annual_report_publish(actor=cast.staff, report=report, today=later)

    html = Client().get(reverse("portal:annual_report", args=["NB-FGW", 2024])).content.decode()
    assert "已更正" in html and "更正原因：行政处罚决定数量有误" in html and "8→9" in html
    assert reverse("portal:annual_report_version", args=["NB-FGW", 2024, 1]) in html
    first = Client().get(reverse("portal:annual_report_version", args=["NB-FGW", 2024, 1])).content.decode()
    assert "此为第1版，已被更正" in first
    assert reverse("portal:annual_report_file", args=["NB-FGW", 2024, 1, "pdf"]) in first
    listing = Client().get(reverse("portal:annual_reports", args=["NB-FGW"])).content.decode()
    assert listing.count("2024年政府信息公开工作年度报告") == 1 and "已更正" in listing
    old = Client().get(reverse("portal:annual_report_file", args=["NB-FGW", 2024, 1, "docx"]))
    assert old.status_code == 200 and old.content.startswith(b"PK")
