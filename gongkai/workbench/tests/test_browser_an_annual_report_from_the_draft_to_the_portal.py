"""End to end, in Debian's Chromium, in January: staff open the draft of last year's report → enter the
yearly figures → write section 五 (its warning goes as they type) → submit → the head approves → staff
publish → the public finds it in the body's 年度报告栏目, without JavaScript, with its DOCX and PDF, which
download as a DOCX and a PDF → the supervising office's dashboard shows it published on time.

Set GONGKAI_BROWSER_SHOTS to a folder to keep a screenshot of each main page."""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pdfplumber
import pytest
import time_machine
from docx import Document

from gongkai.appeals.tests.factories import make_application
from gongkai.reports.models import AnnualReport, AnnualReportEvent
from gongkai.reports.tests.annual_workflow_factories import FIGURES_2021, PROBLEMS, make_cast
from gongkai.workbench.tests.browser import Person, browser, shot

__all__ = ["browser"]  # the fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# 12 January: the department's report on last year is due by 31 January (条例第四十九条).
TODAY = datetime(2026, 1, 12, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
YEAR = 2025
REPORT = f"/staff/annual-reports/agencies/NB-FGW/{YEAR}/"
TITLE = f"宁波市发展和改革委员会{YEAR}年政府信息公开工作年度报告"


def step(person: Person, name: str, fields: dict[str, str] | None = None, check: str = "") -> Any:
    """Open a step's panel on the report page, fill it and submit it."""
    page = person.go(REPORT)
    page.click(f"#step-{name} summary")
    for field, value in (fields or {}).items():
        page.fill(f"#id_{name}-{field}", value)
    if check and page.locator(check).count():
        page.check(check)
    with page.expect_navigation(timeout=120_000):  # publishing renders the DOCX and the PDF
        page.click(f"#step-{name} button[type=submit]")
    return page


@pytest.mark.django_db(transaction=True)
def test_staff_draft_the_head_approves_and_the_public_reads_the_report(
    browser: Any, live_server: Any
) -> None:
    with time_machine.travel(TODAY, tick=True):
        cast = make_cast()
        for day in (5, 12, 19):
            make_application(cast.agency, received_on=date(YEAR, 3, day), closed_on=date(YEAR, 4, day))
        base = live_server.url
        staff, head, supervisor, public = (Person(browser, base) for _ in range(4))

        # Staff find last year's report on the workbench and open its draft.
        staff.log_in("wang")
        page = staff.page
        with page.expect_navigation():
            page.click(f"a:has-text('{YEAR}年度报告')")
        assert "距发布截止还有19天" in (page.text_content("#deadline") or "")
        with page.expect_navigation():
            page.click("#open-report")
        assert "草稿" in (page.text_content("#report-state") or "")
        assert "新收政府信息公开申请3件" in (page.text_content("#prose") or "")

        # The yearly figures of table 二.
        with page.expect_navigation():
            page.click("#enter-figures")
        for key, value in FIGURES_2021.items():
            page.fill(f"#id_{key.replace('.', '__')}", str(value))
        shot(page, "annual-figures")
        with page.expect_navigation():
            page.click("#save-figures")
        assert "已保存年度数据" in page.content()
        assert "120" in (page.text_content("#tables") or "")

        # Section 五: "无" is warned as it is typed; a real text is saved.
        page = staff.go(REPORT + "edit/")
        page.fill("#id_problems", "无")
        page.wait_for_selector("#prose-findings :text('没有实际内容')")
        page.fill("#id_problems", PROBLEMS)
        page.wait_for_selector("#prose-findings :text('文字部分未发现问题')")
        shot(page, "annual-edit")
        with page.expect_navigation():
            page.click("#save-prose")
        assert "一是依申请公开答复文书的说理还不够充分" in (page.text_content("#prose") or "")

        # Staff submit; they cannot approve.
        page = step(staff, "submit", check="#id_submit-acknowledge_warnings")
        assert "已提交审核" in (page.text_content("#report-state") or "")
        assert page.locator("#step-approve").count() == 0

        # The head approves; staff publish.
        head.log_in("li")
        page = step(head, "approve", {"note": "同意发布"})
        assert "负责人已批准" in (page.text_content("#report-state") or "")
        page = step(staff, "publish")
        assert "已发布" in (page.text_content("#report-state") or "")
        shot(page, "annual-published")
        report = AnnualReport.objects.get(agency=cast.agency, year=YEAR)
        kinds = set(report.events.values_list("kind", flat=True))
        assert {AnnualReportEvent.Kind.FIGURES, AnnualReportEvent.Kind.APPROVED} <= kinds
        assert report.versions.get().approved_by == cast.head

        # The public, without JavaScript, find it in the body's column and download its files.
        public.context.close()
        public.context = browser.new_context(java_script_enabled=False, locale="zh-CN")
        public.page = public.context.new_page()
        page = public.go("/reports/NB-FGW/")
        with page.expect_navigation():
            page.click(f"text={TITLE}")
        main = page.text_content("main") or ""
        assert f"{YEAR}年政府信息公开工作年度报告" in main and "一、总体情况" in main
        shot(page, "annual-portal")
        docx_url = page.get_attribute("#download-docx", "href")
        pdf_url = page.get_attribute("#download-pdf", "href")
        docx = public.context.request.get(base + str(docx_url))
        pdf = public.context.request.get(base + str(pdf_url))
        assert docx.ok and pdf.ok
        document = Document(io.BytesIO(docx.body()))
        assert any("一、总体情况" in paragraph.text for paragraph in document.paragraphs)
        assert len(document.tables) >= 3
        with pdfplumber.open(io.BytesIO(pdf.body())) as read:
            text = "".join(p.extract_text() or "" for p in read.pages)
        assert "政府信息公开工作年度报告" in text and "三、收到和处理政府信息公开申请情况" in text

        # The supervising office sees it published on time: on its region's dashboard, and on the body's years.
        supervisor.log_in("qian")
        page = supervisor.go(f"/staff/reports/supervision/NB/?year={YEAR}")
        row = page.text_content("tr:has-text('宁波市发展和改革委员会')") or ""
        assert "已发布（按时）" in row and "2026-01-12" in row
        shot(page, "annual-dashboard")
        page = supervisor.go("/staff/annual-reports/agencies/NB-FGW/")
        row = page.text_content(f"#year-{YEAR}") or ""
        assert "已发布" in row and "2026-01-12" in row and "逾期" not in row
        page = supervisor.go(REPORT)
        assert "按时" in (page.text_content("#deadline") or "")
