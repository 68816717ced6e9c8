"""Freezing a report as a published version (`AnnualReportVersion`): the content as JSON, the findings of
its check, its text, its DOCX and its PDF, and for a correction what changed and why. The portal serves
the version as it was frozen; the records may change afterwards, the published report never does."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.urls import reverse

from gongkai.reports.annual import prose
from gongkai.reports.annual.changes import content_changes, describe_changes
from gongkai.reports.annual.content import ReportContent
from gongkai.reports.annual.render_docx import report_docx
from gongkai.reports.annual.render_pdf import report_pdf
from gongkai.reports.annual.review import check_report_content
from gongkai.reports.models import AnnualReport, AnnualReportVersion

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def public_url(report: AnnualReport) -> str:
    """Where the portal shows the report: the address its preface gives (格式：“本报告电子版可在…查阅”)."""
    return settings.SITE_URL + reverse("portal:annual_report", args=[report.agency.code, report.year])


def change_note(reason: str, changes: dict[str, object]) -> str:
    return f"更正原因：{reason.rstrip('。')}。更正内容：{describe_changes(changes)}。"


def freeze_version(
    report: AnnualReport, content: ReportContent, *, published_by: User, approved_by: User, today: date
) -> AnnualReportVersion:
    """The next version of the report, from `content` (the report as approved), published `today`."""
    last = report.versions.order_by("-number").first()
    number = last.number + 1 if last else 1
    content.state = AnnualReport.State.PUBLISHED
    content.version = number
    content.signature_date = today
    content.preface = prose.preface(report.agency.name, report.year, content.format, public_url(report))
    changes: dict[str, object] = {}
    if last is not None:
        changes = content_changes(last.content, content.as_json())
        content.change_note = change_note(report.correction_reason or "更正", changes)
    checked = check_report_content(content, report.agency)
    return AnnualReportVersion.objects.create(
        report=report,
        number=number,
        published_on=today,
        published_by=published_by,
        approved_by=approved_by,
        content=content.as_json(),
        findings=checked.findings_json(),
        text=checked.text,
        docx=report_docx(content),
        pdf=report_pdf(content),
        change_note=content.change_note,
        changes=changes,
    )
