"""Every rendering says what the report is: a draft carries 草稿（未发布） (and, in the DOCX and the PDF,
a 草稿 watermark behind every page); a published report carries no mark; a corrected version says
更正版 with its number and shows the change note."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber

from gongkai.reports.annual.render_docx import report_docx
from gongkai.reports.annual.render_html import report_html
from gongkai.reports.annual.text import report_lines
from gongkai.reports.tests.annual_render_factories import (
    docx_document,
    pdf_text,
    rendered_pdf,
    sample_content,
)

NOTE = "更正了表三中“本年新收政府信息公开申请数量”的笔误（由130件改为103件）。"


def docx_texts(data: bytes) -> list[str]:
    return [p.text for p in docx_document(data).paragraphs if p.text.strip()]


def watermarked(data: bytes) -> bool:
    section = docx_document(data).sections[0]
    return all(
        'string="草稿"' in header._element.xml for header in (section.header, section.even_page_header)
    )


def test_a_draft_is_marked_in_every_output(tmp_path: Path) -> None:
    draft = sample_content(state="draft", version=0)
    assert '<p class="doc-draft">草稿（未发布）</p>' in report_html(draft)
    assert "<title>慈溪市人民政府办公室2023年政府信息公开工作年度报告（草稿）</title>" in report_html(draft)
    data = report_docx(draft)
    assert docx_texts(data)[0] == "草稿（未发布）" and watermarked(data)
    pdf = rendered_pdf(state="draft", version=0)
    assert re.sub(r"\s+", "", pdf_text(pdf, tmp_path)).startswith("草稿（未发布）")
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        # the watermark is a picture behind each page, never text mixed into the report's text
        assert all(page.images for page in document.pages)
        assert not [page for page in document.pages[1:] if "草稿" in (page.extract_text() or "")]


def test_the_text_form_marks_a_draft_in_the_words_of_the_files() -> None:
    """The text the rules engine reads (and staff download) says 草稿（未发布） as the DOCX, PDF and page do."""
    draft = sample_content(state="draft", version=0)
    assert report_lines(draft)[2] == "草稿（未发布）"
    assert docx_texts(report_docx(draft))[0] == report_lines(draft)[2]
    assert not [line for line in report_lines(sample_content()) if "草稿" in line]


def test_a_published_report_has_no_mark(tmp_path: Path) -> None:
    published = sample_content()
    assert "草稿" not in report_html(published) and "更正" not in report_html(published)
    data = report_docx(published)
    assert not [t for t in docx_texts(data) if "草稿" in t or "更正" in t] and not watermarked(data)
    pdf = rendered_pdf()
    assert "草稿" not in pdf_text(pdf, tmp_path)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        assert not any(page.images for page in document.pages)


def test_a_corrected_version_says_so_with_its_change_note(tmp_path: Path) -> None:
    corrected = sample_content(version=2, change_note=NOTE)
    html = report_html(corrected)
    assert '<p class="doc-corrected">更正版（第2版）</p>' in html and f"更正说明：{NOTE}" in html
    assert docx_texts(report_docx(corrected))[:2] == ["更正版（第2版）", f"更正说明：{NOTE}"]
    text = re.sub(r"\s+", "", pdf_text(rendered_pdf(version=2, change_note=NOTE), tmp_path))
    assert text.startswith("更正版（第2版）更正说明：") and "由130件改为103件" in text
