"""A DOCX is read in document order, paragraphs and tables, into the seeds' line-oriented text."""

from __future__ import annotations

import io

import docx
import pytest

from gongkai.reports.audit.inputs import ReportUnreadable, decode_report


def _bytes(document: object) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def test_paragraphs_and_tables_come_in_document_order_with_vertical_merges_as_empty_cells() -> None:
    document = docx.Document()
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(2, 0)).text = "三、本年度办理结果"
    for row, (label, figure) in enumerate(
        [("（一）予以公开", "15"), ("（二）部分公开", "27"), ("（七）总计", "42")]
    ):
        table.cell(row, 1).text = label
        table.cell(row, 2).text = figure
    document.add_paragraph("四、行政复议")
    lines = decode_report(_bytes(document), "r.docx").lines
    assert lines == [
        "三、收到和处理政府信息公开申请情况",
        "\t三、本年度办理结果", "\t（一）予以公开", "\t15", "",
        "\t", "\t（二）部分公开", "\t27", "",
        "\t", "\t（七）总计", "\t42", "",
        "",
        "四、行政复议",
    ]  # fmt: skip


def test_a_horizontally_merged_cell_is_one_cell() -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "第二十条第（一）项"
    for column, text in enumerate(["规章", "0", "0"]):
        table.cell(1, column).text = text
    lines = decode_report(_bytes(document), "r.docx").lines
    assert lines[:2] == ["\t第二十条第（一）项", ""]


def test_a_tab_inside_a_paragraph_is_not_taken_for_a_table_cell() -> None:
    document = docx.Document()
    document.add_paragraph("\t一、总体情况")
    document.add_paragraph("第一行\n第二行")
    assert decode_report(_bytes(document), "r.docx").lines == [" 一、总体情况", "第一行", "第二行"]


def test_a_cell_with_several_paragraphs_keeps_its_further_lines_without_a_tab() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "（一）主动公开政府信息数"
    table.cell(0, 0).add_paragraph("（不同渠道和方式公开相同信息计1条）")
    table.cell(0, 1).text = "8457"
    lines = decode_report(_bytes(document), "r.docx").lines
    assert lines[:3] == ["\t（一）主动公开政府信息数", "（不同渠道和方式公开相同信息计1条）", "\t8457"]


def test_a_zip_that_is_not_a_docx_is_unreadable() -> None:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ReportUnreadable, match="不是 DOCX"):
        decode_report(buffer.getvalue(), "r.docx")


def test_a_truncated_docx_is_unreadable_with_a_clear_message() -> None:
    document = docx.Document()
    document.add_paragraph("2023年政府信息公开工作年度报告")
    data = _bytes(document)
    with pytest.raises(ReportUnreadable, match="DOCX"):
        decode_report(data[: len(data) // 2], "r.docx")
