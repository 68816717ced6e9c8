"""A cell is read as printed: a blank or a dash is None (never 0), a unit printed with the figure is
kept for the 2019 procurement amount, and text where a figure belongs is reported as `bad_number`."""

from __future__ import annotations

from decimal import Decimal

from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.tests.corpus import forms


def _seed_with(name: str, old: str, new: str) -> bytes:
    text = forms.seed(name).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1).encode()


def test_a_dash_is_blank_and_text_where_a_figure_belongs_is_a_bad_number() -> None:
    data = _seed_with("002", "\t行政许可\n\t0\n", "\t行政许可\n\t若干\n")
    data = data.replace("\t行政处罚\n\t0\n".encode(), "\t行政处罚\n\t—\n".encode())
    report = read_report_bytes(data, "r.txt")
    assert report.cells["item20_5.licensing.decisions"] is None
    assert report.cells["item20_6.penalty.decisions"] is None
    [finding] = report.findings
    assert (finding.rule, finding.severity, finding.keys) == (
        "bad_number",
        "error",
        ["item20_5.licensing.decisions"],
    )
    assert "若干" in finding.message
    assert report.lines[finding.evidence[0].line - 1] == "\t若干"


def test_the_procurement_amount_keeps_the_unit_printed_in_its_heading_or_its_cell() -> None:
    in_heading = read_report_bytes(_seed_with("003", "\t采购总金额\n", "\t采购总金额（万元）\n"), "r.txt")
    assert in_heading.cells["item20_9.procurement.amount"] == 189131144
    assert in_heading.extras["item20_9.procurement.amount_unit"] == "万元"
    in_cell = read_report_bytes(_seed_with("003", "\t189131144\n", "\t18913.1144万元\n"), "r.txt")
    assert in_cell.cells["item20_9.procurement.amount"] == Decimal("18913.1144")
    assert in_cell.extras["item20_9.procurement.amount_unit"] == "万元"


def test_a_negative_change_and_a_thousands_separator_are_read() -> None:
    data = _seed_with("003", "\t行政处罚\n\t2939\n\t2\n\t8179\n", "\t行政处罚\n\t2,939\n\t-2\n\t8,179\n")
    report = read_report_bytes(data, "r.txt")
    assert report.cells["item20_6.penalty.prev_year_items"] == 2939
    assert report.cells["item20_6.penalty.change"] == -2
    assert report.cells["item20_6.penalty.decisions"] == 8179
