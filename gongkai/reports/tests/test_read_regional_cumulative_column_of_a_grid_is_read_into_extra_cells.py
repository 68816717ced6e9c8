"""A regional old table printed as a grid (HTML <table>, a Word table, the seeds' tab-indented
cells) with a 历年累计 column beside the year's: the year's figures are read into the canonical
cells and the 历年累计 column into `<key>.cumulative` extra cells, the regional rows (电子邮件申请数)
into extra cells and the rows printed under a total as printed, exactly as the text stream reads
them from the same table copied as text."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_report, read_report_bytes
from gongkai.reports.auditing import audit_report
from gongkai.reports.tests.corpus import forms

REAL_REPORTS = Path(__file__).resolve().parent / "real_reports"


@cache
def _expected() -> dict[str, object]:
    data: dict[str, object] = json.loads((REAL_REPORTS / "expected" / "pingtan_2013.json").read_text("utf-8"))
    return data


def _pingtan_2013_as_its_page_prints_it() -> list[forms.Block]:
    """pingtan_2013.txt with its table as the published page.html prints it (archived beside the
    page.txt): 指标名称 | 计量单位 | 2013年度 | 历年累计, one cell per figure, the 历年累计 of
    政府公报公开 an empty (&nbsp;) cell. The archive's text keeps the cells in order, one space apart."""
    text = (REAL_REPORTS / "pingtan_2013.txt").read_text("utf-8")
    body = text.split("==== 正文 ====", 1)[1]
    prose, table = body.split("指标名称 计量单位 2013年度 历年累计 ", 1)
    table = table.split(" 附件下载", 1)[0]
    rows = [["指标名称", "计量单位", "2013年度", "历年累计"]]
    for match in re.finditer(r"(\S+) ([条件]) (\d+)(?: (\d+))?", table):
        rows.append([match[1], match[2], match[3], match[4] or ""])
    assert len(rows) == 17  # the header and the 16 rows the page prints
    # The page's paragraphs (the breadcrumb of the archive's text left out: the page prints it
    # outside the article).
    paragraphs = [part for part in prose.split(" ") if part.strip()]
    start = next(i for i, part in enumerate(paragraphs) if part.startswith("平潭综合实验区"))
    return [*paragraphs[start:], forms.Table(rows)]


def _read(data: bytes, name: str) -> ParsedReport:
    return audit_report(read_report_bytes(data, name))


PINGTAN_FORMS: dict[str, Callable[[list[forms.Block]], bytes]] = {
    "html": lambda blocks: forms.to_html(blocks, colspans=True),
    "docx": forms.to_docx,
    "txt": lambda blocks: forms.to_text(blocks).encode(),
}


@pytest.mark.parametrize("form", sorted(PINGTAN_FORMS))
def test_the_real_regional_grid_gives_the_cells_and_extra_cells_the_corpus_expects(form: str) -> None:
    report = _read(PINGTAN_FORMS[form](_pingtan_2013_as_its_page_prints_it()), f"pingtan_2013.{form}")
    expected = _expected()
    assert report.format == "2008"
    cells = expected["cells"]
    assert isinstance(cells, dict)
    assert {key: report.cells[key] for key in cells} == cells
    assert report.extras["extra_cells"] == expected["extra_cells"]


@pytest.mark.parametrize("form", sorted(PINGTAN_FORMS))
def test_the_real_regional_grid_gets_the_findings_of_the_same_table_copied_as_text(form: str) -> None:
    grid = _read(PINGTAN_FORMS[form](_pingtan_2013_as_its_page_prints_it()), f"pingtan_2013.{form}")
    text = audit_report(read_report(REAL_REPORTS / "pingtan_2013.txt"))
    table_rules = {"blank_cell", "not_checkable", "old_format_sum", "ambiguous_cell", "tables_unread"}

    def table_findings(report: ParsedReport) -> list[tuple[str, str, list[str]]]:
        return sorted((f.rule, f.message, f.keys) for f in report.findings if f.rule in table_rules)

    assert table_findings(grid) == table_findings(text)
    # The blank 历年累计 of 政府公报公开 is named, as the corpus lists it among the defects.
    [blank] = [f for f in grid.findings if f.rule == "blank_cell"]
    assert blank.keys == ["channel_gazette.cumulative"]


# --- a small synthetic table, written by hand ----------------------------------------------------

HEADING = "某县人民政府2012年政府信息公开工作年度报告"
PROSE = "本报告所列数据的统计期限自2012年1月1日起至2012年12月31日。"
ROWS = [
    ("主动公开信息数", "条", "2026", "3542"),
    ("其中：1.网站公开", "条", "1795", "3304"),
    ("2.政府公报公开", "条", "0", "7"),
    ("受理依申请公开信息总数", "条", "21", "40"),
    ("其中：1.当面申请数", "条", "18", "30"),
    ("2.传真申请数", "条", "0", "0"),
    ("3.电子邮件申请数", "条", "3", "10"),
    ("4.网上申请数", "条", "0", "0"),
    ("5.信函申请数", "条", "0", ""),
    ("行政复议数", "件", "0", "1"),
]


def _html(cumulative_first: bool) -> bytes:
    def row(cells: tuple[str, ...], tag: str = "td") -> str:
        label, unit, current, cumulative = cells
        values = (cumulative, current) if cumulative_first else (current, cumulative)
        return (
            "<tr>"
            + "".join(f"<{tag}>{text or '&nbsp;'}</{tag}>" for text in (label, unit, *values))
            + "</tr>"
        )

    table = "".join(row(cells) for cells in ROWS)
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADING}</title></head><body>'
        f"<h1>{HEADING}</h1><p>{PROSE}</p><p>附件：政府信息公开情况统计表</p>"
        f"<table>{row(('指标名称', '计量单位', '本年度', '历年累计'), 'th')}{table}</table></body></html>"
    )
    return page.encode()


def _docx(cumulative_first: bool) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(HEADING)
    document.add_paragraph(PROSE)
    document.add_paragraph("附件：政府信息公开情况统计表")
    table = document.add_table(rows=0, cols=4)
    for label, unit, current, cumulative in [("指标名称", "计量单位", "本年度", "历年累计"), *ROWS]:
        values = (cumulative, current) if cumulative_first else (current, cumulative)
        for cell, text in zip(table.add_row().cells, (label, unit, *values), strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("cumulative_first", [False, True])
@pytest.mark.parametrize("form", ["html", "docx"])
def test_a_cumulative_column_of_a_grid_is_read_into_cumulative_extra_cells(
    form: str, cumulative_first: bool
) -> None:
    data = _html(cumulative_first) if form == "html" else _docx(cumulative_first)
    report = _read(data, f"regional.{form}")
    assert report.format == "2008"
    assert report.cells["proactive_total"] == 2026
    assert report.cells["channel_website"] == 1795
    assert report.cells["requests_received"] == 21
    assert report.cells["requests_letter"] == 0
    extra = report.extras["extra_cells"]
    assert extra["proactive_total.cumulative"] == 3542
    assert extra["channel_website.cumulative"] == 3304
    assert extra["channel_gazette.cumulative"] == 7
    assert extra["requests_email"] == 3
    assert extra["requests_email.cumulative"] == 10
    assert extra["reconsideration_total.cumulative"] == 1
    assert extra["requests_letter.cumulative"] is None
    # A cumulative cell printed blank is a blank like any other.
    assert report.extras["blank_extra_cells"] == ["requests_letter.cumulative"]
    # Each cell cites its own line, as the pages show the report.
    assert 0 < report.cell_lines["requests_email"] != report.cell_lines["requests_email.cumulative"] > 0
    # 21 = 18 + 0 + 3 + 0 + 0 with the 电子邮件 row the regional table prints: no false sum error,
    # and the standard sum is said not to apply, as for the same table copied as text.
    assert not [f for f in report.findings if f.severity == "error"]
    [regional] = [f for f in report.findings if f.rule == "not_checkable" and "所列分项" in f.message]
    assert "电子邮件申请数" in regional.message
    assert report.extras["printed_children"]["requests_received"] == [
        "requests_in_person",
        "requests_fax",
        "requests_email",
        "requests_online",
        "requests_letter",
    ]
