"""What reading a published report gives: its text, recognised facts, cells and findings.

The reader (`gongkai.reports.audit.reader`) turns a file into a `ParsedReport`; the rules engine
(`gongkai.reports.rules`) adds findings to it. Line numbers count from 1 in `lines`, the text the
report was read as.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
Number = int | Decimal


@dataclass
class Evidence:
    line: int
    text: str

    def as_json(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text}


@dataclass
class Finding:
    rule: str
    severity: Severity
    message: str
    keys: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "keys": list(self.keys),
            "evidence": [e.as_json() for e in self.evidence],
        }


@dataclass
class ParsedReport:
    file: str
    lines: list[str]
    format: str | None = None  # "2008" | "2019" | "2021"
    agency_name: str | None = None
    year: int | None = None  # the report year (from the title, else the text)
    title_year: int | None = None
    text_years: list[int] = field(default_factory=list)
    title_line: int | None = None
    period: tuple[date, date] | None = None
    period_line: int | None = None
    published_on: date | None = None
    # Every key of the recognised format; None where blank, missing or ambiguous.
    cells: dict[str, Number | None] = field(default_factory=dict)
    # Where each cell was read, for evidence and highlighting.
    cell_lines: dict[str, int] = field(default_factory=dict)
    # Extra facts kept beside the cells (e.g. item20_9.procurement.amount_unit).
    extras: dict[str, Any] = field(default_factory=dict)
    # Sections found: id → (first line, last line); ids: overview, proactive, requests, appeals, problems, other.
    sections: dict[str, tuple[int, int]] = field(default_factory=dict)
    # Tables recognised, by name ("item20_1", "requests", "appeals", "old_table", …).
    tables_found: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # The paragraph lines (not table cells), as the reader found them; None for a report not read
    # by the reader (then the rules engine tells them from the lines' layout).
    prose_lines: list[int] | None = None
    # The form the file was published in ("text", "html", "docx", "pdf") and its title as printed.
    source_form: str | None = None
    title: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "format": self.format,
            "agency_name": self.agency_name,
            "year": self.year,
            "period": [d.isoformat() for d in self.period] if self.period else None,
            "published_on": self.published_on.isoformat() if self.published_on else None,
            "cells": {key: _number_json(value) for key, value in self.cells.items()},
            "findings": [f.as_json() for f in self.findings],
        }


def _number_json(value: Number | None) -> int | float | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
