"""A government's aggregated report ends with 附表: each body it sums (its source, new applications,
results, carried over, 复议, 诉讼) and a 合计 row, in every output; the appendix does not disturb the
reading of the report's own tables."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber

from gongkai.reports.annual.document import members_table
from gongkai.reports.annual.render_docx import report_docx
from gongkai.reports.annual.render_html import report_html
from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.tests.annual_render_factories import (
    MEMBERS,
    docx_document,
    pdf_text,
    rendered_pdf,
    sample_content,
    seed_cells,
)

TITLE = "附表：慈溪市人民政府办公室2023年政府信息公开申请办理情况（分单位）"
HEADER = ["单位", "数据来源", "本年新收申请", "办理结果总计", "结转下年度", "行政复议", "行政诉讼"]


def test_the_appendix_lists_each_body_and_their_total() -> None:
    table = members_table(MEMBERS)
    assert table is not None
    assert [cell.text for cell in table.head[0]] == HEADER
    rows = [[cell.text for cell in row] for row in table.body]
    assert rows[1] == ["慈溪市自然资源和规划局", "已发布报告", "40", "40", "0", "0", "3"]
    assert rows[-1] == ["合计", "103", "103", "0", "1", "8"] and table.body[-1][0].colspan == 2
    assert members_table([]) is None


def test_a_blank_figure_of_one_body_leaves_the_total_blank() -> None:
    members = list(MEMBERS)
    members[2] = type(members[2])("CX-KD", "慈溪市坎墩街道办事处", "未发布报告", None, None, None, 0, 0)
    table = members_table(members)
    assert table is not None
    assert [cell.text for cell in table.body[-1]][1:3] == ["", ""]


def test_every_output_has_the_appendix_after_the_signature(tmp_path: Path) -> None:
    html = report_html(sample_content(members=True))
    assert html.index("2024年1月11日") < html.index(TITLE) < html.index('class="doc-table members"')
    document = docx_document(report_docx(sample_content(members=True)))
    assert len(document.tables) == 4
    assert [cell.text for cell in document.tables[3].rows[0].cells] == HEADER
    assert TITLE in [p.text for p in document.paragraphs]
    text = pdf_text(rendered_pdf(members=True), tmp_path)
    assert TITLE in "".join(text.split())
    with pdfplumber.open(io.BytesIO(rendered_pdf(members=True))) as pdf:
        [table] = pdf.pages[-1].extract_tables()  # a ruled table: each cell as it is
    rows = [[(cell or "").replace("\n", "") for cell in row] for row in table]
    assert rows[0] == HEADER and rows[2] == [
        "慈溪市自然资源和规划局",
        "已发布报告",
        "40",
        "40",
        "0",
        "0",
        "3",
    ]
    assert rows[-1][0] == "合计" and rows[-1][2:] == ["103", "103", "0", "1", "8"]


def test_the_report_still_reads_back_with_its_own_cells() -> None:
    for name, data in (
        ("report.docx", report_docx(sample_content(members=True))),
        ("report.pdf", rendered_pdf(members=True)),
    ):
        read = read_report_bytes(data, name)
        assert read.cells == seed_cells(), name
        assert [f.rule for f in read.findings if f.severity == "error"] == [], name
