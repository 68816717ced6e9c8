"""A PDF that is a scan — page images with no text layer, or with only a page number or a watermark over
them — is refused with the cause named (扫描件，无文字层) and what to do, on the command line (exit 1,
as for any unreadable file) and on the upload page; it is never read as a report with nothing in it.

The scans are made here: a seed report rendered as a PDF with text, each page rasterised, and the
images saved as a PDF again (by Pillow, or by reportlab with a page number drawn as text)."""

from __future__ import annotations

import io
import subprocess
import sys
from functools import cache
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from gongkai.reports.audit.reader import ReportUnreadable, read_report_bytes
from gongkai.reports.tests.audit_web_factories import client_for, html, make_cast, seed_bytes, text_of, upload
from gongkai.reports.tests.corpus import forms


@cache
def _page_images() -> tuple[Image.Image, ...]:
    """The pages of seed 002 as a PDF with a text layer, rasterised as a scanner would (72 dpi here)."""
    with pdfplumber.open(io.BytesIO(forms.to_pdf(forms.seed_blocks("002")))) as pdf:
        return tuple(page.to_image(resolution=72).original.convert("RGB") for page in pdf.pages[:3])


def _image_only_pdf() -> bytes:
    first, *others = _page_images()
    buffer = io.BytesIO()
    first.save(buffer, format="PDF", save_all=True, append_images=others)
    return buffer.getvalue()


def _scan_with_page_numbers() -> bytes:
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for number, image in enumerate(_page_images(), start=1):
        width, height = image.size
        pdf.setPageSize((width, height))
        pdf.drawImage(ImageReader(image), 0, 0, width, height)
        pdf.drawString(width / 2, 12, f"- {number} -")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_the_rasterised_pages_still_show_the_report() -> None:
    # The scans are of a real report page, not blank images: the refusal is about the text layer.
    first = _page_images()[0].convert("L")
    darkest = first.getextrema()[0]
    assert isinstance(darkest, int)  # one band: the extrema are two numbers
    assert darkest < 100  # dark print on the page


def test_a_pdf_of_page_images_only_is_refused_as_a_scan_without_a_text_layer() -> None:
    with pytest.raises(ReportUnreadable) as raised:
        read_report_bytes(_image_only_pdf(), "scan.pdf")
    message = str(raised.value)
    assert message.startswith("扫描件，无文字层：PDF 文件共 3 页，没有一个可读取的文字（页面是图像")
    assert "请提供带文字层的 PDF" in message


def test_a_scan_with_a_page_number_in_text_is_still_refused_as_a_scan() -> None:
    with pytest.raises(ReportUnreadable) as raised:
        read_report_bytes(_scan_with_page_numbers(), "scan.pdf")
    message = str(raised.value)
    assert message.startswith("扫描件，无文字层：PDF 文件共 3 页，其中 3 页是整页图像，文字层只有 9 个字")


def test_the_same_report_with_its_text_layer_is_read() -> None:
    report = read_report_bytes(forms.to_pdf(forms.seed_blocks("002")), "report.pdf")
    assert report.year == 2023
    assert report.cells["requests.new_received.total"] == 103


def test_the_command_line_names_the_cause_and_exits_1(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_image_only_pdf())
    done = subprocess.run(  # noqa: S603 - the project's own command
        [sys.executable, "-m", "gongkai.cli", "report", "audit", str(scan)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 1
    assert f"无法审核 {scan}：扫描件，无文字层" in done.stderr


@pytest.mark.django_db
def test_the_upload_page_names_the_cause_and_still_audits_the_others() -> None:
    cast = make_cast()
    response = upload(
        client_for(cast.staff), [("扫描件.pdf", _image_only_pdf()), seed_bytes("002")], mode="audit"
    )
    assert response.status_code == 200
    rows = [
        [text_of(cell) for cell in row] for row in html(response).xpath("//table[@id='results']/tbody/tr")
    ]
    assert rows[0][1] == "扫描件.pdf"
    assert rows[0][2].startswith("无法审核：扫描件，无文字层：PDF 文件共 3 页")
    assert rows[1][2:4] == ["慈溪市人民政府办公室", "2023"]
