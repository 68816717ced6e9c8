"""The check of a report being worked on: its content as it stands, read back and run through the rules
engine against last year's report (`check`), plus what the workflow itself asks of a government's
report. The workbench shows the result; submission is refused on an error; the findings are kept on
`AnnualReport.findings` for the supervision dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from gongkai.reports.annual.check import check_content, previous_report
from gongkai.reports.annual.content import ASSESSMENT_HEADING, ReportContent, build_content
from gongkai.reports.annual.text import report_text
from gongkai.reports.audit.model import Evidence, Finding, ParsedReport
from gongkai.reports.models import AnnualReport
from gongkai.reports.official_tables import SEVERITY_RANK

if TYPE_CHECKING:
    from gongkai.agencies.models import Agency

# The rules about the prose staff write: the edit page shows these beside the text as it is typed.
PROSE_RULES = frozenset(
    {"overview_length", "empty_section", "repeated_text", "narrative_mismatch", "fee_statement", "typo"}
)


@dataclass
class CheckedReport:
    content: ReportContent
    text: str
    parsed: ParsedReport  # as read back, with every finding (errors first)

    @property
    def findings(self) -> list[Finding]:
        return self.parsed.findings

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "warning"]

    def findings_json(self) -> list[dict[str, Any]]:
        return [finding.as_json() for finding in self.findings]


def assessment_finding(content: ReportContent, parsed: ParsedReport) -> Finding | None:
    """条例第五十条第四项: a government's report covers 工作考核、社会评议和责任追究结果情况 in section 五."""
    if not content.is_government or content.assessment.strip():
        return None
    evidence = []
    if "problems" in parsed.sections:
        first, _ = parsed.sections["problems"]
        evidence = [Evidence(first, parsed.lines[first - 1] if first <= len(parsed.lines) else "")]
    return Finding(
        "empty_section",
        "warning",
        f"人民政府的年度报告应在第五部分报告{ASSESSMENT_HEADING}（条例第五十条），尚未填写",
        evidence=evidence,
    )


def check_report_content(content: ReportContent, agency: Agency) -> CheckedReport:
    """`content` checked as published reports are, against the body's report of the year before."""
    text = report_text(content)
    parsed = check_content(content, previous_report(agency, content.year))
    extra = assessment_finding(content, parsed)
    if extra is not None:
        parsed.findings.append(extra)
    parsed.findings.sort(key=lambda finding: SEVERITY_RANK.get(finding.severity, 9))
    return CheckedReport(content, text, parsed)


def check_report(report: AnnualReport, *, today: date | None = None, **prose: str) -> CheckedReport:
    """The report as it stands (or with the prose given in its place, for the edit page's live warnings)."""
    content = build_content(report.agency, report.year, report, today=today)
    for field, value in prose.items():
        setattr(content, field, value)
    return check_report_content(content, report.agency)
