"""A regional old table (指标名称 | 计量单位 | 本年度 | 历年累计) copied out of a web page one cell a
line ("主动公开信息数" / "条" / "2026" / "3542"): the two figures of a row, each on a line of its own,
are the row's year and 历年累计, read into the canonical cell and `<key>.cumulative`; the 历年累计 was
dropped (a row's figures were looked for on one line only) and the year's figure split from nothing."""

from __future__ import annotations

import pytest

from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.auditing import audit_report
from gongkai.reports.tests.corpus import copies
from gongkai.reports.tests.test_read_regional_cumulative_column_of_a_grid_is_read_into_extra_cells import (
    HEADING,
    PROSE,
    ROWS,
)


def test_each_figure_on_its_own_line_is_read_into_its_column() -> None:
    cells = [cell for row in [("指标名称", "计量单位", "本年度", "历年累计"), *ROWS] for cell in row if cell]
    text = "\n".join([HEADING, PROSE, "附件：政府信息公开情况统计表", *cells]) + "\n"
    report = audit_report(read_report_bytes(text.encode(), "regional.txt"))
    assert report.cells["proactive_total"] == 2026
    assert report.cells["channel_website"] == 1795
    assert report.cells["requests_received"] == 21
    extra = report.extras["extra_cells"]
    assert extra["proactive_total.cumulative"] == 3542
    assert extra["channel_website.cumulative"] == 3304
    assert extra["requests_email"] == 3
    assert extra["requests_email.cumulative"] == 10
    assert extra["reconsideration_total.cumulative"] == 1
    assert not [f for f in report.findings if f.severity == "error"]


@pytest.mark.parametrize("name", ["pingtanxian_2012", "pingtan_2011", "pingtan_2015"])
def test_the_real_regional_tables_copied_one_cell_a_line_give_the_cells_the_corpus_expects(name: str) -> None:
    report = copies.corpus_report(copies.CORPUS / "expected" / f"{name}.json")
    assert report is not None
    read = copies.read_copy(report, "text-cells-per-line")
    assert {key: read.cells[key] for key in report.expected["cells"]} == report.expected["cells"]
    assert read.extras["extra_cells"] == report.expected["extra_cells"]
    result = copies.measure(report, "text-cells-per-line")
    assert (result.accuracy.missed, result.accuracy.unlisted_errors) == ([], [])
