"""A regional old table (指标名称 | 计量单位 | 本年度 | 历年累计) pasted as paragraphs, one row a
paragraph ("主动公开信息数 条 2026 3542", cells split by spaces or tabs, in a text, a DOCX or a web
page's <p> lines): the year's figure is read into the row's canonical cell and the 历年累计 into
`<key>.cumulative`, as the grids and the text stream read them; the two figures are never read as
one number ("20263542"), and the rows printed under a total are summed as printed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.auditing import audit_report
from gongkai.reports.tests.corpus import copies
from gongkai.reports.tests.corpus.copies import docx_of_lines
from gongkai.reports.tests.test_read_regional_cumulative_column_of_a_grid_is_read_into_extra_cells import (
    HEADING,
    PROSE,
    ROWS,
)


def _lines(separator: str) -> list[str]:
    header = ("指标名称", "计量单位", "本年度", "历年累计")
    return [
        HEADING,
        PROSE,
        "附件：政府信息公开情况统计表",
        *(separator.join(r).strip() for r in [header, *ROWS]),
    ]


def _html(lines: list[str]) -> bytes:
    body = "".join(f"<p>{line.replace(' ', '&nbsp;')}</p>" for line in lines)
    return f'<html><head><meta charset="utf-8"><title>{HEADING}</title></head><body>{body}</body></html>'.encode()


PASTED: dict[str, Callable[[], bytes]] = {
    "txt-spaces": lambda: "\n".join(_lines(" ")).encode(),
    "txt-tabs": lambda: "\n".join(_lines("\t")).encode(),
    "docx-spaces": lambda: docx_of_lines(_lines("  ")),
    "docx-tabs": lambda: docx_of_lines(_lines("\t")),
    "html-nbsp": lambda: _html(_lines(" ")),
}


@pytest.mark.parametrize("form", sorted(PASTED))
def test_the_rows_pasted_as_paragraphs_give_the_years_cells_and_the_cumulative_extra_cells(form: str) -> None:
    report = audit_report(read_report_bytes(PASTED[form](), f"regional.{form.split('-')[0]}"))
    assert report.format == "2008"
    assert report.cells["proactive_total"] == 2026
    assert report.cells["channel_website"] == 1795
    assert report.cells["channel_gazette"] == 0
    assert report.cells["requests_received"] == 21
    assert report.cells["requests_in_person"] == 18
    assert report.cells["reconsideration_total"] == 0
    extra = report.extras["extra_cells"]
    assert extra["proactive_total.cumulative"] == 3542
    assert extra["channel_website.cumulative"] == 3304
    assert extra["requests_email"] == 3
    assert extra["requests_email.cumulative"] == 10
    assert extra["requests_letter.cumulative"] is None
    assert report.extras["blank_extra_cells"] == ["requests_letter.cumulative"]
    # 21 = 18 + 0 + 3 + 0 + 0 with the 电子邮件 row the table prints: no false sum error.
    assert not [f for f in report.findings if f.severity == "error" or f.rule == "ambiguous_cell"]
    assert report.extras["printed_children"]["requests_received"] == [
        "requests_in_person",
        "requests_fax",
        "requests_email",
        "requests_online",
        "requests_letter",
    ]


def _corpus(name: str) -> copies.Report:
    report = copies.corpus_report(copies.CORPUS / "expected" / f"{name}.json")
    assert report is not None
    return report


@pytest.mark.parametrize("form", ["docx-rows-as-paragraphs-tabs", "html-rows-as-paragraphs", "text-tabs"])
@pytest.mark.parametrize("name", ["pingtanxian_2012", "pingtan_2013"])
def test_the_real_regional_tables_pasted_as_paragraphs_give_the_cells_the_corpus_expects(
    name: str, form: str
) -> None:
    report = _corpus(name)
    read: ParsedReport = copies.read_copy(report, form)
    assert {key: read.cells[key] for key in report.expected["cells"]} == report.expected["cells"]
    assert read.extras["extra_cells"] == report.expected["extra_cells"]
    result = copies.measure(report, form)
    assert (result.accuracy.missed, result.accuracy.unlisted_errors) == ([], [])
