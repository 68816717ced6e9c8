"""A body's own annual report as the workbench shows it: the report as it stands (or a published version,
frozen), with the findings of its check, its tables with the cells those findings name highlighted, and
its text with the evidence lines marked — the audit pages' presentation (`presentation.page_for_parsed`),
so that a generated report and an audited one look alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from gongkai.agencies.models import Agency
from gongkai.reports.annual.check import as_parsed
from gongkai.reports.annual.content import ReportContent, build_content
from gongkai.reports.annual.review import PROSE_RULES, CheckedReport, check_report_content
from gongkai.reports.annual.selectors import version_content
from gongkai.reports.annual.steps import store_check
from gongkai.reports.audit.model import Evidence, Finding
from gongkai.reports.models import AnnualReport, AnnualReportVersion
from gongkai.reports.presentation import FindingRow, ReportPage, page_for_parsed


@dataclass
class ReportView:
    content: ReportContent
    page: ReportPage
    version: AnnualReportVersion | None = None  # the published version shown, frozen

    @property
    def prose_findings(self) -> list[FindingRow]:
        return [row for row in self.page.findings if row.rule in PROSE_RULES]

    @property
    def blocking(self) -> bool:
        return self.page.counts["error"] > 0


def checked_view(checked: CheckedReport, agency: Agency) -> ReportView:
    page = page_for_parsed(checked.parsed, name=f"{agency.code}-{checked.content.year}", agency=agency.name)
    return ReportView(checked.content, page)


def draft_view(agency: Agency, year: int, report: AnnualReport | None, today: date) -> ReportView:
    """The report as it stands now, checked (its findings kept on it); without a report, what opening it
    would give."""
    if report is not None:
        checked = store_check(report, today=today)
    else:
        checked = check_report_content(build_content(agency, year, today=today), agency)
    return checked_view(checked, agency)


def findings_from_json(items: list[dict[str, Any]]) -> list[Finding]:
    return [
        Finding(
            item["rule"],
            item["severity"],
            item["message"],
            list(item.get("keys", [])),
            [Evidence(int(e["line"]), str(e.get("text", ""))) for e in item.get("evidence", [])],
        )
        for item in items
    ]


def version_view(version: AnnualReportVersion) -> ReportView:
    """A published version as it was frozen: its content, text and findings."""
    content = version_content(version)
    parsed = as_parsed(content, version.text)
    parsed.findings = findings_from_json(version.findings)
    agency = version.report.agency
    page = page_for_parsed(parsed, name=f"{agency.code}-{content.year}-v{version.number}", agency=agency.name)
    return ReportView(content, page, version)
