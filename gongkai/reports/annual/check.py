"""The rules engine run on a generated report, exactly as on a report published elsewhere.

The report is written out as the seeds' text (`annual.text`) and read by the same reader, so that
every rule — the sums, blank cells, figures quoted in the prose (`narrative_mismatch`), the period,
the sections, the fee statement, the rules across years against last year's report — sees what a
supervising office would see when it audits the published report. The cells are then set to the
computed ones, so that no reading can blur a figure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gongkai.reports.annual.aggregation import member_findings
from gongkai.reports.annual.content import ReportContent
from gongkai.reports.annual.text import report_text
from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.auditing import audit_report
from gongkai.reports.models import AnnualReportVersion, PublishedReport
from gongkai.reports.selectors import parsed_from_published

if TYPE_CHECKING:
    from gongkai.agencies.models import Agency


def as_parsed(content: ReportContent, text: str | None = None) -> ParsedReport:
    """The generated report as the reader reads it, with the computed cells."""
    text = text if text is not None else report_text(content)
    name = f"{content.agency_code}-{content.year}.txt"
    parsed = read_report_bytes(text.encode("utf-8"), name)
    parsed.cells = dict(content.cells)
    parsed.extras.update(content.extras)
    return parsed


def check_content(content: ReportContent, previous: ParsedReport | None = None) -> ParsedReport:
    """The report as read, with every finding of the rules engine (errors first), and for a government's
    aggregated report a warning naming each body whose figures leave the sum incomplete."""
    parsed = audit_report(as_parsed(content), previous)
    if gaps := member_findings(content.members):
        parsed.findings.extend(gaps)
        parsed.findings.sort(key=lambda finding: _SEVERITY_ORDER.get(finding.severity, 3))
    return parsed


_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def previous_report(agency: Agency, year: int) -> ParsedReport | None:
    """Last year's report of the body, for the rules across years: its last published version in
    Gongkai, else the report it imported, else None."""
    version = (
        AnnualReportVersion.objects.filter(report__agency=agency, report__year=year - 1)
        .order_by("-number")
        .only("content", "text")
        .first()
    )
    if version is not None:
        return as_parsed(ReportContent.from_json(version.content), version.text)
    imported = PublishedReport.objects.filter(agency=agency, year=year - 1).first()
    return parsed_from_published(imported) if imported else None
