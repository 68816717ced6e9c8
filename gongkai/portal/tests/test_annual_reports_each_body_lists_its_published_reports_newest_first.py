"""The portal's 年度报告: each body's 栏目 lists its published reports by year, newest first, as government
sites do; a report's page shows the document in the official layout with its DOCX and PDF, which download
as they were frozen when published; the pages need no script and show no applicant's personal data."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.applications.tests.factories import register
from gongkai.reports.annual import services
from gongkai.reports.models import AnnualReportVersion
from gongkai.reports.tests.annual_workflow_factories import Cast, approved, files_not_rendered, make_cast

__all__ = ["files_not_rendered"]  # the fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("files_not_rendered")]


def publish(cast: Cast, year: int) -> None:
    today = date(year + 1, 1, 10)
    report = approved(cast, year, today)
    services.annual_report_publish(actor=cast.staff, report=report, today=today)


def test_the_bodys_column_lists_its_reports_newest_first() -> None:
    cast = make_cast()
    publish(cast, 2023)
    publish(cast, 2024)
    services.annual_report_open(actor=cast.staff, agency=cast.agency, year=2025, today=date(2025, 6, 1))
    html = Client().get(reverse("portal:annual_reports", args=["NB-FGW"])).content.decode()
    assert html.index("2024年政府信息公开工作年度报告") < html.index("2023年政府信息公开工作年度报告")
    assert "2025年政府信息公开工作年度报告" not in html  # a draft is never public
    index = Client().get(reverse("portal:annual_report_index")).content.decode()
    assert reverse("portal:annual_reports", args=["NB-FGW"]) in index


def test_the_report_page_shows_the_document_and_its_files() -> None:
    cast = make_cast()
    register(cast, date(2024, 3, 1))  # 张三's application: counted, never named
    publish(cast, 2024)
    page = Client().get(reverse("portal:annual_report", args=["NB-FGW", 2024]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "宁波市发展和改革委员会2024年政府信息公开工作年度报告" in html
    assert "一、总体情况" in html and "三、收到和处理政府信息公开申请情况" in html
    assert "<script" not in html and "张三" not in html and "13800138000" not in html
    docx = Client().get(reverse("portal:annual_report_file", args=["NB-FGW", 2024, 1, "docx"]))
    pdf = Client().get(reverse("portal:annual_report_file", args=["NB-FGW", 2024, 1, "pdf"]))
    version = AnnualReportVersion.objects.get()
    assert docx["Content-Type"].endswith("wordprocessingml.document") and docx.content == bytes(version.docx)
    assert "attachment" in docx["Content-Disposition"]
    assert pdf["Content-Type"] == "application/pdf" and pdf.content == bytes(version.pdf)
