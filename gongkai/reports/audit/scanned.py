"""A PDF that is a scan (page images, no text layer) is refused with that cause named, not read as nothing.

Reports reach a supervising office scanned more often than one would like: printed, stamped, scanned and
put on the website. Such a PDF has no characters to read, or only a few that the scanner's software
adds (a page number, a watermark) over page-sized images; reading it would give a report with no title
and no tables, and the user a generic "not a report" error. The cause is told here instead, with what
the user can do about it.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Any

from gongkai.reports.audit.inputs import ReportUnreadable

SCANNED = "扫描件，无文字层"
ADVICE = "请提供带文字层的 PDF（由 WPS、Word 等直接导出），或 DOCX、HTML 文件"

# A page of an annual report holds hundreds of characters; a scanner adds a page number or a
# watermark at most. A PDF with more text than this is read as it is, without a second look.
PLENTY_OF_TEXT = 2000
FEW_CHARACTERS_PER_PAGE = 20
# An image covering this share of its page is a page image (a scan or a photograph of the page).
PAGE_IMAGE_SHARE = 0.5


@dataclass(frozen=True)
class TextLayer:
    pages: int
    characters: int  # printable, not counting spaces
    page_images: int  # pages covered by an image


def refuse_scanned_pdf(data: bytes, characters: int) -> None:
    """`ReportUnreadable` naming the cause when the PDF (`data`, `characters` in its text layer) is a scan."""
    if characters >= PLENTY_OF_TEXT:
        return
    layer = text_layer(data)
    if layer is None or layer.pages == 0:
        if characters == 0:
            raise ReportUnreadable(f"{SCANNED}：PDF 文件中没有可读取的文字，无法审核。{ADVICE}")
        return
    if layer.characters == 0:
        raise ReportUnreadable(
            f"{SCANNED}：PDF 文件共 {layer.pages} 页，没有一个可读取的文字"
            f"{'（页面是图像，可能是扫描或拍照生成的）' if layer.page_images else ''}，无法审核。{ADVICE}"
        )
    if layer.characters < FEW_CHARACTERS_PER_PAGE * layer.pages and layer.page_images * 2 >= layer.pages:
        raise ReportUnreadable(
            f"{SCANNED}：PDF 文件共 {layer.pages} 页，其中 {layer.page_images} 页是整页图像，"
            f"文字层只有 {layer.characters} 个字（如页码、水印），报告正文和统计表无法读取，无法审核。{ADVICE}"
        )


def text_layer(data: bytes) -> TextLayer | None:
    """What the PDF's pages hold: characters and page images (None when it cannot be opened)."""
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages = characters = page_images = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                pages += 1
                characters += sum(1 for char in page.chars if str(char.get("text", "")).strip())
                if _covered_by_an_image(page):
                    page_images += 1
                page.close()
    except Exception:  # a broken file is told by the reader's own error; this only adds the cause
        return None
    return TextLayer(pages, characters, page_images)


def _covered_by_an_image(page: Any) -> bool:
    area = float(page.width * page.height) or 1.0
    for image in page.images:
        width = float(image["x1"] - image["x0"])
        height = float(image["bottom"] - image["top"])
        if width * height >= PAGE_IMAGE_SHARE * area:
            return True
    return False
