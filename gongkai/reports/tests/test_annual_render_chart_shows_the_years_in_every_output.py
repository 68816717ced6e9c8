"""The chart of the body's applications and their results over the years follows table 三: inline SVG on
the page and in the PDF (drawn as vectors), a PNG picture in the DOCX; a body's first report, with one
year only, has no chart."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber

from gongkai.reports.annual.chart import history_png, history_svg
from gongkai.reports.annual.render_docx import report_docx
from gongkai.reports.annual.render_html import document_context, report_html
from gongkai.reports.tests.annual_render_factories import (
    docx_document,
    pdf_text,
    rendered_pdf,
    sample_content,
)

CAPTION = "图：慈溪市人民政府办公室政府信息公开申请及办理结果（2021—2023年）"


def test_the_page_has_the_chart_as_svg_after_table_3() -> None:
    html = report_html(sample_content())
    table_3, chart, section_4 = (
        html.index('class="doc-table requests"'),
        html.index("<svg"),
        html.index('id="section-appeals"'),
    )
    assert table_3 < chart < section_4
    assert CAPTION in html
    svg = str(history_svg(sample_content()))
    for label in ("2021年", "2022年", "2023年", "本年新收申请", "办理结果总计", "予以公开及部分公开"):
        assert label in svg
    # On the portal the page's stylesheet styles it; standing alone (PDF, PNG) it carries its own style.
    assert "<style>" not in str(document_context(sample_content())["chart_svg"])
    assert "<style>" in str(history_svg(sample_content(), standalone=True))


def test_the_docx_has_the_chart_as_a_png_picture() -> None:
    document = docx_document(report_docx(sample_content()))
    pictures = [shape for shape in document.inline_shapes]
    assert len(pictures) == 1 and round(pictures[0].width.mm) == 156  # the full text width
    blob = next(rel.target_part.blob for rel in document.part.rels.values() if rel.reltype.endswith("/image"))
    assert blob.startswith(b"\x89PNG\r\n\x1a\n") and blob == history_png(sample_content())
    assert CAPTION in [p.text for p in document.paragraphs]


def test_the_pdf_draws_the_chart_as_vectors_with_its_labels_as_text(tmp_path: Path) -> None:
    text = pdf_text(rendered_pdf(), tmp_path)
    assert CAPTION.replace("—", "") in text.replace("—", "").replace(" ", "")
    with pdfplumber.open(io.BytesIO(rendered_pdf())) as pdf:
        words = {word["text"] for page in pdf.pages for word in page.extract_words()}
        assert {"2021年", "2022年", "2023年"} <= words
        assert not any(page.images for page in pdf.pages)  # not a picture


def test_one_year_alone_draws_no_chart() -> None:
    first = sample_content()
    first.history = first.history[-1:]  # the report's own year only
    assert len(first.history) == 1
    assert "<svg" not in report_html(first)
    assert not docx_document(report_docx(first)).inline_shapes
