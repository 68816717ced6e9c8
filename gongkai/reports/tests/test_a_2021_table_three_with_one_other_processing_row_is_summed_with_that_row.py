"""A 2021-format report whose table 三 prints （六）其他处理 as the 2019 format's one row (hongze_2024):
its sums are checked with that row's figures (the `requests.other_processing_single_row` extra cells)
in place of the three rows it replaces. Before, the three rows counted as blanks, so the results' sum
and their row totals were reported as not checkable, and a wrong figure in the one row went unseen."""

from __future__ import annotations

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_report
from gongkai.reports.auditing import audit_report
from gongkai.reports.tests.corpus import copies

SINGLE = "requests.other_processing_single_row"


def _hongze(change: dict[str, int] | None = None) -> ParsedReport:
    report = read_report(copies.CORPUS / "hongze_2024.pdf")
    report.extras["extra_cells"].update(change or {})
    return audit_report(report)


def test_sums_that_hold_with_the_one_row_give_no_finding_on_table_three() -> None:
    rules = {finding.rule for finding in _hongze().findings}
    assert "format_mismatch" in rules  # the row itself is still told
    assert not rules & {"not_checkable", "detail_sum", "row_total", "balance"}


def test_a_wrong_figure_in_the_one_row_breaks_the_results_sum_and_its_row_total() -> None:
    before = _hongze().extras["extra_cells"]
    report = _hongze({f"{SINGLE}.natural_person": int(before[f"{SINGLE}.natural_person"]) + 3})
    findings = {finding.rule: finding for finding in report.findings}
    detail = findings["detail_sum"]
    assert f"{SINGLE}.natural_person" in detail.keys
    assert "（自然人）" in detail.message
    row_total = findings["row_total"]
    assert row_total.keys[0] == f"{SINGLE}.total"
    assert row_total.message.startswith("三（六）其他处理：总计为")
    assert any(
        e.text.startswith("三（六）其他处理（自然人）：") and "空白" not in e.text for e in row_total.evidence
    )
    assert "not_checkable" not in findings
