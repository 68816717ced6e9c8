"""A report reads the same in every form it is published in: DOCX, HTML (UTF-8, GB18030), PDF
with and without table rules, and text copied from a web page with its cells run together."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_report, read_report_bytes
from gongkai.reports.tests.corpus import forms

SEEDS = ["000", "001", "002", "003", "004"]
RENDER: dict[str, Callable[[list[forms.Block]], bytes]] = {
    "docx": forms.to_docx,
    "html-utf8": forms.to_html,
    "html-gb18030-labelled-gb2312": lambda blocks: forms.to_html(blocks, "gb18030", declare="gb2312"),
    "html-gb18030-undeclared": lambda blocks: forms.to_html(blocks, "gb18030").replace(
        b"; charset=gb18030", b""
    ),
    "pdf": forms.to_pdf,
    "pdf-unruled": lambda blocks: forms.to_pdf(blocks, ruled=False),
}
SOURCE_FORM = {"docx": "docx", "pdf": "pdf", "pdf-unruled": "pdf"}


@cache
def original(name: str) -> ParsedReport:
    return read_report(forms.seed(name))


@cache
def rendered(name: str, form: str) -> ParsedReport:
    return read_report_bytes(RENDER[form](forms.seed_blocks(name)), f"{name}.{form}")


def _facts(report: ParsedReport) -> tuple[object, ...]:
    return (
        report.format,
        report.agency_name,
        report.year,
        report.period,
        report.published_on,
        report.tables_found,
    )


@pytest.mark.parametrize("form", list(RENDER))
@pytest.mark.parametrize("name", SEEDS)
def test_every_form_gives_the_cells_and_facts_of_the_text(name: str, form: str) -> None:
    report = rendered(name, form)
    assert report.source_form == SOURCE_FORM.get(form, "html")
    assert report.cells == original(name).cells
    assert _facts(report) == _facts(original(name))
    assert set(report.sections) == set(original(name).sections)
    assert report.findings == []


@pytest.mark.parametrize("name", SEEDS)
def test_text_with_cells_run_together_gives_the_same_cells_or_none_with_a_finding(name: str) -> None:
    text = forms.to_run_together(forms.seed_blocks(name))
    report = read_report_bytes(text.encode("utf-8"), f"{name}.txt")
    ambiguous = {
        key for finding in report.findings if finding.rule == "ambiguous_cell" for key in finding.keys
    }
    assert {finding.rule for finding in report.findings} <= {"ambiguous_cell"}
    assert _facts(report) == _facts(original(name))
    for key, value in original(name).cells.items():
        if key in ambiguous:
            assert report.cells[key] is None, key
        else:
            assert report.cells[key] == value, key


def test_run_together_rows_of_tables_three_and_four_are_recovered_from_their_sums() -> None:
    # Seed 003's table 三 breaks its own 总计 (176 against 175), yet every row splits one way only.
    report = read_report_bytes(forms.to_run_together(forms.seed_blocks("003")).encode(), "003.txt")
    ambiguous = {key for finding in report.findings for key in finding.keys}
    assert not any(key.startswith(("requests.", "appeals.")) for key in ambiguous)
    assert report.cells["requests.results_total.total"] == 175


def test_run_together_rows_of_table_two_without_sums_are_left_blank_when_the_text_does_not_decide() -> None:
    # Seed 003 quotes none of its table 二 figures: "行政许可11522057845" may be 1152/20/57845 or 115/220/57845…
    report = read_report_bytes(forms.to_run_together(forms.seed_blocks("003")).encode(), "003.txt")
    findings = [f for f in report.findings if "item20_5.licensing.decisions" in f.keys]
    assert len(findings) == 1
    assert findings[0].severity == "warning"
    assert "11522057845" in findings[0].message
    assert report.lines[findings[0].evidence[0].line - 1] == "行政许可11522057845"
    assert report.cells["item20_5.licensing.decisions"] is None
    assert report.cells["item20_1.regulations.newly_made"] == 0  # "规章000" splits one way only


def test_figures_quoted_in_the_text_decide_a_run_together_row_of_table_two() -> None:
    # Seed 002: "行政规范性文件1460265"; the text says 发布…14件, 继续有效…265件, 失效、废止…60件.
    report = read_report_bytes(forms.to_run_together(forms.seed_blocks("002")).encode(), "002.txt")
    assert "行政规范性文件1460265" in report.lines
    assert report.cells["item20_1.normative_documents.issued"] == 14
    assert report.cells["item20_1.normative_documents.repealed"] == 60
    assert report.cells["item20_1.normative_documents.in_force"] == 265
