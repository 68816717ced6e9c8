"""A file that cannot be decoded, or that has neither a report title nor a table, is a clear error
in Chinese (`ReportUnreadable`), never a crash and never an empty result."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from gongkai.reports.audit.reader import ReportUnreadable, read_report, read_report_bytes


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "文件为空"),
        (b"   \n\n", "文件为空"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "旧版 Word"),
        (b"\x00\x01\x02\x03binary\x00\x00", "不是文本文件"),
        (b"%PDF-1.4\n%broken", "PDF"),
        (b"PK\x03\x04broken zip", "DOCX"),
        ("一份普通的通知，没有标题，也没有表格。".encode(), "未找到年度报告的标题"),
        (b"<html><body><p>   </p></body></html>", "未找到年度报告的标题"),
    ],
)
def test_unreadable_input_raises_a_chinese_message(data: bytes, message: str) -> None:
    with pytest.raises(ReportUnreadable, match=message):
        read_report_bytes(data, "report")


def test_a_pdf_without_a_text_layer_is_unreadable_as_a_scan() -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(100, 100, 200, 200)
    page.save()
    with pytest.raises(ReportUnreadable, match="扫描件"):
        read_report_bytes(buffer.getvalue(), "scan.pdf")


def test_a_missing_file_or_a_directory_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(ReportUnreadable, match="文件不存在"):
        read_report(tmp_path / "nope.txt")
    with pytest.raises(ReportUnreadable, match="目录"):
        read_report(tmp_path)


def test_a_title_alone_is_enough_to_be_read_with_every_table_missing() -> None:
    report = read_report_bytes(
        "2022年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳。\n".encode(), "r.txt"
    )
    assert report.year == 2022
    assert report.format == "2021"
    assert report.extras["format_from"] == "year"
    assert report.tables_found == []
    assert all(value is None for value in report.cells.values())
    assert report.cell_lines == {}
