"""run_rules: every finding of a report, errors first, without touching the report, in milliseconds."""

from __future__ import annotations

import time

from gongkai.reports import formats
from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report


def _spoiled() -> object:
    return build_report(
        formats.FORMAT_2019,
        cells={"requests.disclosed.total": 6, "requests.withheld_third_party.natural_person": None},
        prose={"overview": ["2020年，本机关学习《政务信息公开条例》，新收申请申请10件。"]},
    )


def test_findings_come_errors_first_then_warnings_then_information() -> None:
    findings = run_rules(_spoiled())  # type: ignore[arg-type]

    severities = [f.severity for f in findings]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert {"row_total", "blank_cell", "regulation_name", "typo"} <= {f.rule for f in findings}


def test_every_evidence_line_is_a_line_of_the_report() -> None:
    report = _spoiled()

    for finding in run_rules(report):  # type: ignore[arg-type]
        for evidence in finding.evidence:
            assert 1 <= evidence.line <= len(report.lines)  # type: ignore[attr-defined]


def test_the_report_itself_is_left_as_it_was() -> None:
    report = build_report()
    before = (dict(report.cells), list(report.findings), list(report.lines))

    run_rules(report)

    assert (report.cells, report.findings, report.lines) == before


def test_the_rules_take_a_few_milliseconds_per_report() -> None:
    reports = [build_report(fmt) for fmt in formats.FORMATS]
    for report in reports:
        run_rules(report)  # loads the gazetteer once

    start = time.perf_counter()
    for _ in range(10):
        for report in reports:
            run_rules(report)
    per_report = (time.perf_counter() - start) / 30

    assert per_report < 0.02  # ≥ 50 reports a second, reading included, leaves 20 ms for both
