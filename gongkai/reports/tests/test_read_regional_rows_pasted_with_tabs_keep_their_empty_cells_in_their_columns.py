"""A regional old table copied out of Word as text (a row a line, its cells split by tabs, an empty
cell kept as two tabs in a row), its 历年累计 column before the year's: each figure is read in the
column its tabs put it in, so "5.信函申请数 条 (empty) 0" is 本年度 0 and a blank 历年累计 — not an
ambiguous row, as it is when only spaces split the cells and the empty cell leaves no trace."""

from __future__ import annotations

import pytest

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.auditing import audit_report
from gongkai.reports.tests.corpus.copies import docx_of_lines
from gongkai.reports.tests.test_read_regional_cumulative_column_of_a_grid_is_read_into_extra_cells import (
    HEADING,
    PROSE,
    ROWS,
)


def _lines(separator: str) -> list[str]:
    rows = [separator.join(("指标名称", "计量单位", "历年累计", "本年度"))]
    rows += [separator.join((label, unit, cumulative, current)) for label, unit, current, cumulative in ROWS]
    return [HEADING, PROSE, "附件：政府信息公开情况统计表", *rows]


def _read(form: str) -> ParsedReport:
    lines = _lines("\t" if form.endswith("tabs") else " ")
    data = docx_of_lines(lines) if form.startswith("docx") else "\n".join(lines).encode()
    return audit_report(read_report_bytes(data, f"regional.{form.split('-')[0]}"))


@pytest.mark.parametrize("form", ["txt-tabs", "docx-tabs"])
def test_a_cell_left_empty_between_tabs_is_blank_in_its_own_column(form: str) -> None:
    report = _read(form)
    assert report.cells["requests_letter"] == 0
    assert report.extras["extra_cells"]["requests_letter.cumulative"] is None
    assert report.extras["blank_extra_cells"] == ["requests_letter.cumulative"]
    assert not [f for f in report.findings if f.rule == "ambiguous_cell"]
    # The other rows, their running total printed first.
    assert report.cells["proactive_total"] == 2026
    assert report.extras["extra_cells"]["proactive_total.cumulative"] == 3542
    assert report.extras["extra_cells"]["requests_email"] == 3
    assert report.extras["extra_cells"]["requests_email.cumulative"] == 10


def test_with_spaces_only_the_row_that_lost_its_empty_cell_stays_ambiguous() -> None:
    report = _read("txt-spaces")
    assert report.cells["requests_letter"] is None
    [ambiguous] = [f for f in report.findings if f.rule == "ambiguous_cell"]
    assert ambiguous.keys == ["requests_letter"]
    assert report.cells["proactive_total"] == 2026
