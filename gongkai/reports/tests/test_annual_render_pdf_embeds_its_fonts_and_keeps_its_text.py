"""The PDF carries its fonts (every one embedded, a CJK one among them, as `pdffonts` lists them), its
text as text in reading order, page numbers, and table 三's header rows again on each page it runs onto."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber

from gongkai.reports.tests.annual_render_factories import HEADINGS, pdf_fonts, pdf_text, rendered_pdf

CJK_FONT = re.compile(r"CJK|Song|Hei|Fang|Kai|XiaoBiao|SimSun|FZ|Source-?Han", re.IGNORECASE)


def test_every_font_is_embedded_and_one_is_a_cjk_font(tmp_path: Path) -> None:
    fonts = pdf_fonts(rendered_pdf(), tmp_path)
    assert fonts, "pdffonts lists no font"
    assert {font["emb"] for font in fonts} == {"yes"}, fonts
    assert any(CJK_FONT.search(font["name"]) for font in fonts), fonts


def test_the_text_reads_as_the_report(tmp_path: Path) -> None:
    text = pdf_text(rendered_pdf(), tmp_path)
    flat = re.sub(r"\s+", "", text)
    for part in (
        "慈溪市人民政府办公室2023年政府信息公开工作年度报告",
        *HEADINGS,
        "本年度未收取政府信息公开信息处理费。",
        "慈溪市人民政府办公室2024年1月11日",
    ):
        assert part in flat, part
    order = [flat.index(heading) for heading in HEADINGS]
    assert order == sorted(order)


def test_pages_are_numbered_and_table_3_repeats_its_header_on_each_page() -> None:
    with pdfplumber.open(io.BytesIO(rendered_pdf())) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"— {number} —" in text, text[-200:]
    first = next(i for i, text in enumerate(pages) if "一、本年新收政府信息公开申请数量" in text)
    last = next(i for i, text in enumerate(pages) if "四、结转下年度继续办理" in text)
    assert last > first, "with the seed's figures table 三 runs onto a second page"
    for index in range(first, last + 1):
        assert "申请人情况" in pages[index] and "法人或其他组织" in pages[index], index
