"""A report reads the same however it was copied: the text of a table copied out of Word or a web
page (one cell per line, no blank line between rows, with or without tabs), the whole report on
one line (as a web page's text extraction gives it), and a CMS page with merged headings
(rowspan, colspan, &nbsp;) or with a table split over two <table> elements."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_report, read_report_bytes
from gongkai.reports.tests.corpus import forms

SEEDS = ["000", "001", "002", "003", "004"]
COPIES: dict[str, Callable[[list[forms.Block]], bytes]] = {
    "rows-without-blank-lines": lambda blocks: forms.to_text_copied(blocks).encode(),
    "cells-without-tabs": lambda blocks: forms.to_text_copied(blocks, tabs=False).encode(),
    "one-line": lambda blocks: forms.to_one_line(blocks).encode(),
    "html-colspan-rowspan-nbsp": lambda blocks: forms.to_html(blocks, colspans=True),
    "html-tables-split-in-two": lambda blocks: forms.to_html(blocks, colspans=True, split_tables=True),
}


@cache
def original(name: str) -> ParsedReport:
    return read_report(forms.seed(name))


@cache
def copied(name: str, form: str) -> ParsedReport:
    suffix = "html" if form.startswith("html") else "txt"
    return read_report_bytes(COPIES[form](forms.seed_blocks(name)), f"{name}.{suffix}")


@pytest.mark.parametrize("form", list(COPIES))
@pytest.mark.parametrize("name", SEEDS)
def test_every_copy_gives_the_cells_format_and_year_of_the_original(name: str, form: str) -> None:
    report = copied(name, form)
    assert report.cells == original(name).cells
    assert (report.format, report.year) == (original(name).format, original(name).year)
    assert not [f for f in report.findings if f.rule in ("tables_unread", "ambiguous_cell", "bad_number")]


def test_the_one_line_copy_finds_the_sections_inline() -> None:
    report = copied("002", "one-line")
    assert {"overview", "proactive", "requests", "appeals", "problems", "other"} <= set(report.sections)
