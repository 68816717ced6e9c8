"""Auditing a published report: what the reader finds (`audit`), then the rules engine's findings
(`rules`). It sits above both, so that the rules read the reader's model and the reader never runs the
rules."""

from __future__ import annotations

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.rules import run_rules


def audit_report(report: ParsedReport, previous: ParsedReport | None = None) -> ParsedReport:
    """Add the rules engine's findings to the reader's (and return the report)."""
    report.findings.extend(run_rules(report, previous))
    return report
