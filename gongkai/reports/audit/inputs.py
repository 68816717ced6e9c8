"""The adapters: a report file, in whichever form it was published, read into a `Document`.

Forms: plain text (as the seeds: one table cell per tab-indented line; or copied from a page or a
document, even with the whole report on one line), DOCX, HTML (UTF-8, GBK, GB18030 or GB2312) and
PDF with a text layer. The form is told from the bytes, not the file name. Each adapter builds the
document's paragraphs and table grids directly (`document.DocumentBuilder`); the text it writes
beside them (`Document.lines`) is what evidence line numbers count in, the same in every form.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from gongkai.reports.audit.document import Document, DocumentBuilder, ReportUnreadable, Slot
from gongkai.reports.audit.text_input import FORM_TEXT, decode_text, text_document

__all__ = [
    "FORM_TEXT",
    "ReportUnreadable",
    "decode_report",
    "decode_text",
    "docx_lines",
    "html_lines",
    "pdf_lines",
]

FORM_HTML = "html"
FORM_DOCX = "docx"
FORM_PDF = "pdf"


def decode_report(data: bytes, name: str = "") -> Document:
    """The report as a `Document`, or `ReportUnreadable`."""
    if not data.strip():
        raise ReportUnreadable("文件为空")
    head = data[:1024]
    if b"%PDF-" in head:
        return pdf_document(data)
    if data.startswith(b"PK\x03\x04"):
        return docx_document(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReportUnreadable("不支持旧版 Word（.doc）或 Excel 文件，请另存为 DOCX、PDF 或 HTML 后再审核")
    if _looks_like_html(data, name):
        text, encoding = decode_text(data, declared=_declared_charset(data))
        return html_document(text, encoding)
    return text_document(data)


# --- HTML ---------------------------------------------------------------------------------------

_HTML_MARK = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|meta|table|div|p|br|span|td|h[1-6])\b", re.IGNORECASE
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


def _looks_like_html(data: bytes, name: str) -> bool:
    if name.lower().endswith((".htm", ".html", ".shtml", ".xhtml")):
        return True
    return bool(_HTML_MARK.search(data[:4096]))


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "replace")


_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "ul",
    }
)  # fmt: skip
_SKIPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "head",
        "title",
        "template",
        "iframe",
        "object",
        "svg",
        "select",
        "option",
        "button",
        "textarea",
    }
)
_HTML_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_ENCODING_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def html_lines(text: str) -> list[str]:
    return html_document(text).lines


def html_document(text: str, encoding: str | None = None) -> Document:
    import lxml.etree  # type: ignore[import-untyped]
    import lxml.html  # type: ignore[import-untyped]

    text = _ENCODING_DECLARATION.sub("", text)  # lxml refuses a str that declares an encoding
    if not text.strip():
        raise ReportUnreadable("HTML 文件没有内容")
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as error:
        logging.getLogger(__name__).info("unparsable HTML: %s", error)
        raise ReportUnreadable("HTML 文件无法解析（可用浏览器打开检查，另存为网页后重试）") from None
    builder = DocumentBuilder(FORM_HTML, encoding)
    builder.document.published_on = _page_date(root)
    title = _page_title(root)
    if title and title not in _HTML_SPACE.sub(" ", root.text_content()[:4000]).replace(title, "", 1):
        # A CMS page often prints the report's title only in <title>: it is the name the report
        # gives itself, so it heads the text (before the body, as on the page).
        builder.paragraph(title)
        builder.blank()
    writer = _HtmlWriter(builder)
    writer.block(root)
    writer.finish()
    return builder.finish()


def _page_date(root: Any) -> date | None:
    """The publication date in the page's <meta> tags (a CMS's PubDate, firstpublishedtime, …)."""
    from gongkai.reports.audit.facts import page_date

    meta = [
        (str(element.get("name") or element.get("property") or ""), str(element.get("content") or ""))
        for element in root.iter("meta")
    ]
    return page_date(meta)


_TITLE_SUFFIX = re.compile(r"\s*(?:_|\||｜| - | — ).*$")
_REPORT_TITLE = re.compile(r"(?:19|20)\d{2}\s*年.{0,40}报告")


def _page_title(root: Any) -> str | None:
    """The report title in the page's <title>, without the site's suffix ("…报告_政府信息公开年报_…")."""
    element = root.find(".//title")
    text = _HTML_SPACE.sub(" ", element.text_content()).strip() if element is not None else ""
    text = _TITLE_SUFFIX.sub("", text)
    return text if _REPORT_TITLE.search(text) and len(text) <= 80 else None


def _span(element: Any, name: str) -> int:
    value = element.get(name)
    if value is None:
        return 1
    try:
        return max(1, min(int(str(value).strip() or "1"), 1000))
    except ValueError:
        return 1


class _HtmlWriter:
    """Walks the page as a browser lays it out: blocks are paragraphs, data tables are grids."""

    def __init__(self, builder: DocumentBuilder | None = None) -> None:
        self.builder = builder
        self.lines: list[str] = []  # a cell's lines, when writing a cell's content
        self.buffer: list[str] = []

    def finish(self) -> list[str]:
        self.flush()
        return self.lines

    def flush(self) -> None:
        text = _HTML_SPACE.sub(" ", "".join(self.buffer)).strip()
        self.buffer.clear()
        if text:
            if self.builder is not None:
                self.builder.paragraph(text)
            else:
                self.lines.append(text)

    def block(self, element: Any) -> None:
        if element.text:
            self.buffer.append(element.text)
        for child in element:
            self.node(child)

    def node(self, element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        if tag and tag not in _SKIPPED_TAGS:
            if tag == "br":
                self.flush()
            elif tag == "table" and _is_data_table(element):
                self.flush()
                self.table(element)
            elif tag in _BLOCK_TAGS or tag in {"table", "tr", "td", "th", "tbody", "thead", "tfoot"}:
                self.flush()
                self.block(element)
                self.flush()
            else:
                self.block(element)
        if element.tail:
            self.buffer.append(element.tail)

    def table(self, table: Any) -> None:
        # Word's vertical merges are empty cells in the rows below; HTML's rowspan leaves them out,
        # so the covered positions are cells of their own (`continued`), as in a DOCX.
        builder = self.builder
        if builder is None:  # a data table inside a cell: its text, cell by cell
            self.lines.extend(_cell_text(td) for tr in _table_rows(table) for td in tr if _is_cell(td))
            return
        covered: dict[int, list[int]] = {}  # first grid column → [rows still covered, width]
        for tr in _table_rows(table):
            slots, spans = _html_row(tr, covered)
            for start in list(covered):
                covered[start][0] -= 1
                if covered[start][0] <= 0:
                    del covered[start]
            covered.update(spans)
            if slots:
                builder.row(slots)
        builder.end_table()


_CELL_TAGS = frozenset({"td", "th"})


def _html_row(tr: Any, covered: dict[int, list[int]]) -> tuple[list[Slot], dict[int, list[int]]]:
    """The row's cells, with a continued cell where one above still covers; the rowspans it starts."""
    slots: list[Slot] = []
    spans: dict[int, list[int]] = {}
    column = 0
    for td in tr:
        if td.tag not in _CELL_TAGS and not _is_cell(td):
            continue
        if covered:
            column = _fill_covered(slots, covered, column)
        width, height = _span(td, "colspan"), _span(td, "rowspan")
        slots.append((_cell_text(td), height, width, False))
        if height > 1:
            spans[column] = [height - 1, width]
        column += width
    for start in sorted(covered):
        if start >= column:
            column = _fill_covered(slots, covered, start)
    return slots, spans


def _is_cell(element: Any) -> bool:
    return isinstance(element.tag, str) and element.tag.lower() in {"td", "th"}


def _fill_covered(slots: list[Slot], covered: dict[int, list[int]], column: int) -> int:
    """A continued cell for each position that a cell above covers; the column after them."""
    while column in covered:
        slots.append(("", 1, covered[column][1], True))
        column += covered[column][1]
    return column


def _table_rows(table: Any) -> Iterator[Any]:
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            yield child
        elif tag in {"thead", "tbody", "tfoot"}:
            yield from (tr for tr in child if isinstance(tr.tag, str) and tr.tag.lower() == "tr")


def _is_data_table(table: Any) -> bool:
    """A table of figures, as opposed to one that lays out the page (it holds other tables or a
    single cell)."""
    if table.find(".//table") is not None:
        return False
    cells = (td for tr in _table_rows(table) for td in tr if _is_cell(td))
    return next(cells, None) is not None and next(cells, None) is not None


def _cell_text(td: Any) -> str:
    if not len(td):  # a cell of text alone, as most are: its text with its spaces collapsed
        return _HTML_SPACE.sub(" ", td.text or "").strip()
    writer = _HtmlWriter()
    writer.block(td)
    return "\n".join(writer.finish())


# --- DOCX ---------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_lines(data: bytes) -> list[str]:
    return docx_document(data).lines


def _open_docx(data: bytes) -> Any:
    """python-docx's document (untyped) of the file; `ReportUnreadable` for a file that is not one."""
    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise ReportUnreadable("该压缩文件不是 DOCX 文档（缺少 word/document.xml）")
        return docx.Document(io.BytesIO(data))
    except (ReportUnreadable, MemoryError):
        raise
    except Exception as error:  # python-docx and lxml raise many kinds of errors on a broken file
        if _out_of_memory(error):
            raise MemoryError from None  # the file may be sound, only too large for the memory allowed
        # The reader's exception name says nothing to staff: it goes to the log.
        logging.getLogger(__name__).info("unreadable DOCX: %s", type(error).__name__)
        raise ReportUnreadable("DOCX 文件已损坏，无法打开（可用 Word 或 WPS 打开检查，另存后重试）") from None


def _out_of_memory(error: Exception) -> bool:
    """libxml2 reports running out of memory (under a cap, say) as a syntax error of code ERR_NO_MEMORY."""
    import lxml.etree

    return isinstance(error, lxml.etree.ParseError) and error.code == lxml.etree.ErrorTypes.ERR_NO_MEMORY


def _docx_blocks(container: Any) -> Iterator[Any]:
    """The paragraphs and tables of `container`, with those inside content controls and the like."""
    for child in container:
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag in (f"{_W}sdt", f"{_W}customXml", f"{_W}ins", f"{_W}smartTag"):
            content = child.find(f"{_W}sdtContent")
            yield from _docx_blocks(content if content is not None else child)


def _docx_row(tr: Any, cell_text: Callable[[Any], str]) -> list[Slot]:
    slots: list[Slot] = []
    for tc in tr.iter(f"{_W}tc"):
        if _nearest(tc, f"{_W}tr") is not tr:
            continue
        merge = tc.find(f"{_W}tcPr/{_W}vMerge")
        continued = merge is not None and merge.get(f"{_W}val", "continue") == "continue"
        # The cells below the first of a vertical merge are empty, as in the seeds.
        slots.append(("" if continued else cell_text(tc), 1, _grid_span(tc), continued))
    return slots


def docx_document(data: bytes) -> Document:
    from docx.text.paragraph import Paragraph

    document = _open_docx(data)
    builder = DocumentBuilder(FORM_DOCX)

    def paragraph_text(p: Any) -> str:
        # A tab that indents a paragraph is layout, not a table cell; a tab between its words is
        # kept, as a text file keeps it (a table row pasted as a paragraph: its cells, an empty
        # cell two tabs in a row).
        text = str(Paragraph(p, document).text)
        body = text.lstrip("\t")
        return " " * (len(text) - len(body)) + body

    def cell_text(tc: Any) -> str:
        parts: list[str] = []
        for block in _docx_blocks(tc):
            if block.tag == f"{_W}p":
                parts.append(paragraph_text(block))
            else:  # a table inside a cell: its text, cell by cell
                parts.extend(cell_text(inner) for inner in block.iter(f"{_W}tc"))
        return "\n".join(parts)

    for block in _docx_blocks(document.element.body):
        if block.tag == f"{_W}p":
            for text in paragraph_text(block).split("\n"):
                builder.paragraph(text)
            continue
        for tr in block.iter(f"{_W}tr"):
            if _nearest(tr, f"{_W}tbl") is not block:
                continue  # rows of a table nested in a cell were read with that cell
            builder.row(_docx_row(tr, cell_text))
        builder.end_table()
    return builder.finish()


def _grid_span(tc: Any) -> int:
    span = tc.find(f"{_W}tcPr/{_W}gridSpan")
    try:
        return max(1, min(int(span.get(f"{_W}val", "1")), 100)) if span is not None else 1
    except ValueError:
        return 1


def _nearest(element: Any, tag: str) -> Any:
    return next(element.iterancestors(tag), None)


# --- PDF ---------------------------------------------------------------------------------------


def pdf_lines(data: bytes) -> list[str]:
    return pdf_document(data).lines


def pdf_document(data: bytes) -> Document:
    from gongkai.reports.audit.pdf import pdf_document as read_pdf  # the PDF adapter, in its module

    return read_pdf(data)
