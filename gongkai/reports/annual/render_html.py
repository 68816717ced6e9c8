"""The annual report as HTML: the include the portal's report page embeds, and a complete document.

`document_context(content)` is the context of `reports/annual/_document.html` (the page links the
stylesheet `reports/annual-document.css`); `report_html(content)` is a self-contained HTML document of
the report — the stylesheet inlined, no script, nothing fetched — which prints as the official layout and
from which the PDF is made.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils.html import escape

from gongkai.reports.annual.chart import history_svg
from gongkai.reports.annual.content import ReportContent
from gongkai.reports.annual.document import report_document

STYLESHEET = Path(__file__).resolve().parent.parent / "static" / "reports" / "annual-document.css"
STATIC_STYLESHEET = "reports/annual-document.css"


@cache
def stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8")


def document_context(content: ReportContent, *, standalone_chart: bool = False) -> dict[str, Any]:
    """The context of `reports/annual/_document.html`. On a page the chart is styled by the page's
    stylesheet; `standalone_chart` gives it its own style (a document that stands alone)."""
    document = report_document(content)
    chart = history_svg(content, standalone=standalone_chart) if document.has_chart else ""
    return {"document": document, "chart_svg": chart}


def report_html(content: ReportContent, *, extra_css: str = "") -> str:
    """A complete HTML document of the report, for printing, downloading and the PDF."""
    body = render_to_string("reports/annual/_document.html", document_context(content, standalone_chart=True))
    title = escape(content.title + ("（草稿）" if content.is_draft else ""))
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n"
        f'<meta name="author" content="{escape(content.agency_name)}">\n'
        f"<style>\n{stylesheet()}\nbody {{ margin: 0; padding: 1.5em 0; background: #f5f7f9; }}\n"
        f"@media print {{ body {{ padding: 0; background: transparent; }} }}\n{extra_css}</style>\n"
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
