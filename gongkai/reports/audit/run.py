"""Auditing a published report: what the reader finds, then the rules engine's findings."""

from __future__ import annotations

from pathlib import Path

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_report


def audit_report(report: ParsedReport, previous: ParsedReport | None = None) -> ParsedReport:
    """Add the rules engine's findings to the reader's (and return the report)."""
    from gongkai.reports.rules import run_rules  # the rules engine is its own module, loaded when used

    report.findings.extend(run_rules(report, previous))
    return report


def audit_file(path: str | Path, previous: ParsedReport | None = None) -> ParsedReport:
    """Read the file and audit it; `ReportUnreadable` when it cannot be read as a report."""
    return audit_report(read_report(path), previous)
