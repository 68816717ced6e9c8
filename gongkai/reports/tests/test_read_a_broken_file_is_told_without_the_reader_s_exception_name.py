"""A broken PDF, DOCX or HTML file is told in Chinese with what to try, never with the exception name of
the library that failed on it (PdfminerException, KeyError, ParserError …), which says nothing to the
staff member who uploaded it: the name goes to the log."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from gongkai.reports.audit.inputs import html_document
from gongkai.reports.audit.reader import ReportUnreadable, read_report_bytes

LATIN_WORD = re.compile(r"[A-Za-z]{6,}")  # an exception's name; PDF, DOCX, HTML, Word and WPS are shorter


def docx_without_its_parts() -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr(zipfile.ZipInfo("[Content_Types].xml", (2024, 1, 1, 0, 0, 0)), "<Types/>")
        archive.writestr(zipfile.ZipInfo("word/document.xml", (2024, 1, 1, 0, 0, 0)), "<w:document>")
    return data.getvalue()


@pytest.mark.parametrize(
    ("data", "name"),
    [(b"%PDF-1.4\n%broken", "report.pdf"), (docx_without_its_parts(), "report.docx")],
    ids=["pdf", "docx"],
)
def test_a_broken_pdf_or_docx_is_told_in_chinese_only(data: bytes, name: str) -> None:
    with pytest.raises(ReportUnreadable) as refused:
        read_report_bytes(data, name)
    assert "已损坏" in str(refused.value) and "另存" in str(refused.value)
    assert not LATIN_WORD.search(str(refused.value)), refused.value


def test_html_that_cannot_be_parsed_is_told_in_chinese_only() -> None:
    with pytest.raises(ReportUnreadable) as refused:
        html_document("<!-- -->")
    assert "无法解析" in str(refused.value) or "没有内容" in str(refused.value)
    assert not LATIN_WORD.search(str(refused.value)), refused.value
