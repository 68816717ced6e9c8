"""A PDF's extraction can lose a header's narrow cells (table 四's outcomes, one character per line).
A header that holds only the table's own headings, each once and in the format's order, is then read
as the format's columns in that order: nothing printed contradicts it and no other reading fits. A
header that lost headings and prints the others out of the format's order is not read by position:
its cells are left empty with `ambiguous_cell` and `tables_unread`."""

from __future__ import annotations

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_report, read_report_bytes
from gongkai.reports.tests.corpus import forms


def _with_table_four_header(rows: list[list[str]]) -> ParsedReport:
    blocks = list(forms.seed_blocks("002"))
    index = next(
        i for i, b in enumerate(blocks) if isinstance(b, forms.Table) and "行政复议" in str(b.rows[:3])
    )
    table = blocks[index]
    assert isinstance(table, forms.Table)
    blocks[index] = forms.Table([*rows, *table.rows[3:]])
    return read_report_bytes(forms.to_text(blocks).encode(), "report.txt")


def _appeals(report: ParsedReport) -> dict[str, object]:
    return {key: value for key, value in report.cells.items() if key.startswith("appeals.")}


def test_table_four_whose_outcome_headings_were_lost_is_read_in_the_format_order() -> None:
    report = _with_table_four_header([["行政复议", "行政诉讼"], ["未经复议直接起诉", "复议后起诉"]])
    assert _appeals(report) == _appeals(read_report(forms.seed("002")))
    assert not [f for f in report.findings if f.rule in ("ambiguous_cell", "tables_unread")]


def test_table_four_whose_headings_were_lost_and_the_rest_reordered_is_not_read_by_position() -> None:
    report = _with_table_four_header([["行政复议", "行政诉讼"], ["复议后起诉", "未经复议直接起诉"]])
    assert all(value is None for value in _appeals(report).values())
    assert any(f.rule == "ambiguous_cell" and "表四的表头未能识别" in f.message for f in report.findings)
    assert any(
        f.rule == "tables_unread" and "appeals.reconsideration.total" in f.keys for f in report.findings
    )
