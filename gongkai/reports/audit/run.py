"""Auditing a published report: what the reader finds, then the rules engine's findings."""

from __future__ import annotations

from gongkai.reports.audit.model import ParsedReport


def audit_report(report: ParsedReport, previous: ParsedReport | None = None) -> ParsedReport:
    """Add the rules engine's findings to the reader's (and return the report)."""
    from gongkai.reports.rules import run_rules  # the rules engine is its own module, loaded when used

    report.findings.extend(run_rules(report, previous))
    return report
