"""A broken PDF or DOCX is refused with a Chinese reason and what to do, not with the reader's exception name
("已损坏或已加密：PdfminerException", "无法打开：AttributeError"), which says nothing to staff."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError

from gongkai.publications.attachments import check_file
from gongkai.publications.tests.files import pdf_with_text

ASCII_NAME = re.compile(r"[A-Za-z]{6,}")  # an exception's name; "PDF", "DOCX" and "MB" are shorter


def broken_docx() -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><w:body>")  # cut short
    return data.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("通知.pdf", pdf_with_text("通知正文")[:600], "不是可读的 PDF 文件"),
        ("通知.docx", broken_docx(), "已损坏"),
    ],
    ids=["pdf", "docx"],  # the archive's bytes hold the time it was made: not an id two workers agree on
)
def test_the_reason_is_chinese_only(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(ValidationError) as refused:
        check_file(name, data)
    message = refused.value.messages[0]
    assert reason in message and name in message
    assert not ASCII_NAME.search(message.replace(name, "")), message
