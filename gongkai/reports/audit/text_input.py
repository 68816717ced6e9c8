"""The text adapter: a report that came as plain text, read into a `Document`.

Text comes as the seeds print it (one table cell per tab-indented line, a blank line after each
row) or copied out of a web page or a document: rows without blank lines, a row's cells on one line,
the whole report on one line with its section headings inline, cells run together. This adapter
decodes the text (byte-order mark, then UTF-8 or GB18030), cuts a very long line at the section
headings it holds, and builds the seeds' structure (`document.from_lines`); what is left of a
table's structure beyond that is read as a stream of labels and figures (`stream`). Its time is
linear in the text: every pass over a large input runs in C (`str.split`, `max(map(len, …))`), and a
row of empty cells costs no object.
"""

from __future__ import annotations

import codecs
import re

from gongkai.reports.audit.document import TABLE_WORDS, Document, ReportUnreadable, from_lines

FORM_TEXT = "text"


def text_document(data: bytes) -> Document:
    """The report in a plain-text file, or `ReportUnreadable`."""
    text, encoding = decode_text(data)
    document = from_lines(plain_lines(text), FORM_TEXT, encoding)
    # A text whose tables were joined into long lines (copied from a web page): its tables have
    # no structure left but the order of their words and figures.
    raw_lines = text.splitlines()
    document.flattened = max(map(len, raw_lines), default=0) > LONG_LINE and any(
        len(line) > LONG_LINE and any(word in line for word in TABLE_WORDS) for line in raw_lines
    )
    return document


# --- text and its encoding ---------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# GB2312 and GBK are subsets of GB18030: pages labelled with them often use characters beyond
# the label (e.g. 镕, 堃), which only GB18030 decodes.
_GB_LABELS = frozenset(
    {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "gb_2312-80", "csgb2312", "euc-cn", "hz-gb-2312"}
)
_UNICODE_LABELS = frozenset({"utf-8", "utf8", "utf-16", "utf-16le", "utf-16be"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode by byte-order mark, then the declared charset, then trial: UTF-8, GB18030."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked_text(data[len(bom) :].decode(encoding)), encoding
            except UnicodeDecodeError:
                raise ReportUnreadable(
                    f"文件以 {encoding} 字节顺序标记开头，但内容无法按该编码解码"
                ) from None
    candidates = ["utf-8", "gb18030"]
    label = (declared or "").strip().lower()
    if label in _GB_LABELS:
        candidates = ["gb18030", "utf-8"]
    elif label and label not in _UNICODE_LABELS:
        # A page that declares a Western charset is, for a Chinese report, mislabelled: trust
        # the trial decodings first and the label last.
        candidates.append(label)
    for encoding in candidates:
        try:
            return _checked_text(data.decode(encoding)), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    raise ReportUnreadable("无法识别文件的字符编码（已尝试 UTF-8 与 GB18030），或该文件不是文本文件")


def _checked_text(text: str) -> str:
    if "\x00" in text or len(_CONTROL.findall(text[:4096])) > 8:
        raise ReportUnreadable("该文件不是文本文件，也不是 DOCX、PDF 或 HTML 文件")
    return text


def plain_lines(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if max(map(len, lines), default=0) > LONG_LINE:
        lines = [part for line in lines for part in split_inline_headings(line)]
    return lines


# A line this long is not one paragraph but many joined (a web page's text extraction).
LONG_LINE = 300
MAX_INLINE_HEADINGS = 100
# A section heading inside such a line: "一、总体情况", "1、 总体情况", "四、政府信息公开行政复议、
# 行政诉讼情况", after a space, a sentence's end or a table's last figure (and its unit: 表二 of the 2019
# format ends with 采购总金额 "432.52元"). Bounded repetition and a
# fixed end: no backtracking beyond the 30 characters a heading can have.
_INLINE_HEADING = re.compile(
    r"(?:(?<=[\s。；！？!?\d元])|^)(?:[一二三四五六七八九十]{1,2}|\d{1,2})、\s?[^。，；：:\d\s]{2,28}?(?:情况|事项|概述|概况)"
)


def split_inline_headings(line: str) -> list[str]:
    """A long line cut before and after each section heading it holds, so that the headings are
    lines of their own, as in the report as printed."""
    if len(line) <= LONG_LINE:
        return [line]
    parts: list[str] = []
    start = 0
    for count, match in enumerate(_INLINE_HEADING.finditer(line)):
        if count >= MAX_INLINE_HEADINGS:
            break  # a report has a few dozen headings; more is not a report's text
        if match.start() > start:
            parts.append(line[start : match.start()].strip())
        parts.append(match.group())
        start = match.end()
    parts.append(line[start:].strip())
    return [part for part in parts if part]
