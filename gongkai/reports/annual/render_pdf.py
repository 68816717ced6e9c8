"""The annual report as PDF, made by WeasyPrint from the report's HTML document (`report_html`).

The fonts are the official ones where the machine has them, else Debian's Noto Serif/Sans CJK (installed
by `scripts/system-packages.sh`), embedded as subsets; the text is real text in reading order and the
tables real ruled tables, so that the PDF reads back (Gongkai's own reader, pdfplumber) as it prints.
Page geometry, page numbers and the table header rows repeated after a page break come from the print
rules of `annual-document.css`. A draft carries a faint 草稿 on every page, as a picture behind the
text, so that it never mixes into the text read from the page.
"""

from __future__ import annotations

import base64
import logging
from functools import cache
from typing import Any

from gongkai.reports.annual.content import ReportContent
from gongkai.reports.annual.render_html import report_html

WATERMARK_TEXT = "草稿"
# The watermark, drawn once (A4 at 72 dpi, upright 草稿 turned 35° across the page).
_WATERMARK_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="595" height="842" viewBox="0 0 595 842">'
    '<text x="297" y="470" text-anchor="middle" transform="rotate(-35 297 421)" '
    'font-family="Noto Sans CJK SC" font-size="150" fill="#b3261e" fill-opacity="0.10" '
    'letter-spacing="30">{text}</text></svg>'
)


@cache
def watermark_png() -> bytes:
    import cairosvg

    png: bytes = cairosvg.svg2png(
        bytestring=_WATERMARK_SVG.format(text=WATERMARK_TEXT).encode("utf-8"), scale=2
    )
    return png


def _draft_css() -> str:
    data = base64.b64encode(watermark_png()).decode("ascii")
    return f"@page {{ background: url(data:image/png;base64,{data}) no-repeat center / 100% 100%; }}\n"


FONT_FILES = (".ttf", ".otf", ".ttc", ".otc", ".woff", ".woff2")


def url_fetcher() -> Any:
    """WeasyPrint fetches only what the document carries (data: URLs) and the installed font files that
    `local()` names: never the network, never another file, whatever a report's text might contain."""
    import weasyprint

    class LocalOnly(weasyprint.URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no types
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.lower().startswith("file:") and not url.split("?")[0].lower().endswith(FONT_FILES):
                raise ValueError(f"报告生成时不读取外部文件：{url}")
            return super().fetch(url, headers)

    return LocalOnly(allowed_protocols=("data", "file"), fail_on_errors=False)


def report_pdf(content: ReportContent) -> bytes:
    import weasyprint

    # WeasyPrint and fontTools log every font they subset and every CSS rule they skip; not our news.
    for name in ("weasyprint", "fontTools"):
        logging.getLogger(name).setLevel(logging.ERROR)
    html = report_html(content, extra_css=_draft_css() if content.is_draft else "")
    document = weasyprint.HTML(string=html, base_url=None, url_fetcher=url_fetcher())
    # presentational_hints: the columns' widths (<col width>); pdf_tags: a tagged PDF, whose structure
    # (headings, paragraphs, table cells) screen readers and text extraction follow.
    pdf: bytes = document.write_pdf(presentational_hints=True, pdf_tags=True)
    return pdf
