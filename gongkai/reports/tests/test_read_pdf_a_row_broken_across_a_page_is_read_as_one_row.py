"""A PDF whose table row is broken by the page's end (Word and WeasyPrint let a row break across
pages): its vertical rules run past the page's last horizontal rule and, on the next page, start above
the first. The two halves are one row: closed where their rules end and joined cell by cell, the
columns matched by where they start (the table is narrower on the next page). Seed 002's table 三,
made a PDF by WeasyPrint, breaks （六）1 so: its figures and （六）其他处理 on one page, its label on
the next; the row was lost, and its first half was read as the 2019 format's single （六） row."""

from __future__ import annotations

from functools import cache
from typing import Any

from gongkai.reports.audit import pdf
from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_report, read_report_bytes
from gongkai.reports.auditing import audit_report
from gongkai.reports.tests.corpus import copies, forms


@cache
def _pdf() -> bytes:
    return copies.to_pdf(copies.seed_report("002"))


@cache
def _read() -> ParsedReport:
    return audit_report(read_report_bytes(_pdf(), "002.pdf"))


def _tables() -> list[Any]:
    """The tables of each page, read as the adapter reads them (a page after one whose end left a
    row open is read for the rest of that row)."""
    import io

    import pdfplumber

    tables: list[Any] = []
    with pdfplumber.open(io.BytesIO(_pdf())) as document:
        for page in document.pages:
            continuing = bool(tables) and tables[-1].open_bottom
            tables += [item for _, _, item in pdf._pdf_page(page, continuing) if isinstance(item, pdf._Table)]
    return tables


def test_the_pdf_breaks_a_row_of_table_three_across_a_page() -> None:
    tables = _tables()
    broken = [i for i, table in enumerate(tables[:-1]) if table.open_bottom and tables[i + 1].open_top]
    assert len(broken) == 1
    upper, lower = tables[broken[0]], tables[broken[0] + 1]
    assert "（六）其他处理" in upper.grid[-1]
    assert any(cell and cell.startswith("1.申请人无正当理由") for cell in lower.grid[0])


def test_the_broken_row_gives_the_cells_of_the_original() -> None:
    original = read_report(forms.seed("002"))
    keys = [key for key in original.cells if key.startswith("requests.other_")]
    assert len(keys) == 21
    assert {key: _read().cells[key] for key in keys} == {key: original.cells[key] for key in keys}
    assert _read().cells == original.cells


def test_its_first_half_is_not_taken_for_the_2019_formats_single_row() -> None:
    assert _read().format == "2021"
    assert not [finding for finding in _read().findings if finding.rule == "format_mismatch"]
