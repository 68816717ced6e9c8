"""Making the PDF reads nothing but the document itself and the installed fonts: staff's text is escaped
into the HTML, and even markup that named a file or an address would fetch nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
import weasyprint

from gongkai.reports.annual.chart import history_png
from gongkai.reports.annual.render_pdf import report_pdf, url_fetcher
from gongkai.reports.tests.annual_render_factories import sample_content


@pytest.mark.parametrize("url", ["file:///etc/passwd", "http://127.0.0.1:9/logo.png", "ftp://127.0.0.1/x"])
def test_files_and_addresses_are_refused(url: str) -> None:
    with pytest.raises(ValueError):
        url_fetcher()(url)


def test_the_document_and_font_files_are_read() -> None:
    url_fetcher()("data:text/plain,ok").close()
    url_fetcher()("file:///usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc").close()


def test_markup_naming_a_file_draws_nothing(tmp_path: Path) -> None:
    picture = tmp_path / "secret.png"
    picture.write_bytes(history_png(sample_content()))
    html = f'<html><body><p>正文</p><img src="{picture.as_uri()}"><img src="http://127.0.0.1:9/x.png"></body></html>'
    with pdfplumber.open(io.BytesIO(weasyprint.HTML(string=html).write_pdf())) as pdf:
        assert pdf.pages[0].images  # WeasyPrint's own fetcher would read it
    data = weasyprint.HTML(string=html, url_fetcher=url_fetcher()).write_pdf()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert not pdf.pages[0].images


def test_markup_in_staffs_text_is_printed_as_text() -> None:
    content = sample_content()
    content.problems = '<img src="file:///etc/hostname">问题'
    with pdfplumber.open(io.BytesIO(report_pdf(content))) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
        assert not any(page.images for page in pdf.pages)
    assert '<img src="file:///etc/hostname">问题' in text
