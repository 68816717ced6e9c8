"""A 2021-format report whose table 三 prints （六）其他处理 as one row, as the 2019 format did
(hongze_2024.pdf): the row's seven figures have no key of the 2021 format, so they are read into
`requests.other_processing_single_row.<column>` extra cells, as the corpus expects, in the published
PDF and in every copy of it (HTML grid, DOCX rows pasted as paragraphs, text with tabs); they were
dropped. The format_mismatch the row makes is still found."""

from __future__ import annotations

import pytest

from gongkai.reports.audit.reader import read_report
from gongkai.reports.auditing import audit_report
from gongkai.reports.tests.corpus import copies


def _hongze() -> copies.Report:
    report = copies.corpus_report(copies.CORPUS / "expected" / "hongze_2024.json")
    assert report is not None
    return report


def _single_row_cells(extra: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in extra.items() if ".other_processing_single_row." in key}


def test_the_published_pdf_gives_the_single_rows_extra_cells() -> None:
    report = audit_report(read_report(copies.CORPUS / "hongze_2024.pdf"))
    expected = _single_row_cells(_hongze().expected["extra_cells"])
    assert len(expected) == 7
    assert _single_row_cells(report.extras["extra_cells"]) == expected
    assert "format_mismatch" in {finding.rule for finding in report.findings}


@pytest.mark.parametrize("form", ["html-tables", "docx-rows-as-paragraphs-tabs", "text-tabs"])
def test_every_copy_gives_the_single_rows_extra_cells(form: str) -> None:
    hongze = _hongze()
    report = copies.read_copy(hongze, form)
    assert _single_row_cells(report.extras["extra_cells"]) == _single_row_cells(
        hongze.expected["extra_cells"]
    )
    assert "format_mismatch" in {finding.rule for finding in report.findings}
