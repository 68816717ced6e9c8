"""A report on 2019 or 2020 renders in the 2019 format (table 二 with its five blocks, 政府集中采购 last,
table 三 with one （六） row) and reads back from its DOCX and PDF with every cell as computed."""

from __future__ import annotations

from datetime import date

from gongkai.reports import formats
from gongkai.reports.annual import prose
from gongkai.reports.annual.content import ReportContent
from gongkai.reports.annual.facts import YearFacts
from gongkai.reports.annual.render_docx import report_docx
from gongkai.reports.annual.render_pdf import report_pdf
from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.tests.annual_render_factories import docx_document
from gongkai.reports.tests.seed_reports import seed


def xiangshan_2020() -> ReportContent:
    cells = seed("003").cells  # 宁波市象山县人民政府办公室 2020, in the 2019 format
    name = "宁波市象山县人民政府办公室"
    return ReportContent(
        agency_code="XS-ZFB",
        agency_name=name,
        agency_kind="government",
        agency_level="county",
        year=2020,
        format=formats.FORMAT_2019,
        cells=cells,
        extras={"item20_9.procurement.amount_unit": "万元"},
        preface=prose.preface(name, 2020, formats.FORMAT_2019),
        overview=prose.draft_overview(formats.FORMAT_2019, 2020, cells, YearFacts()),
        problems="存在的问题及改进措施。",
        signature_date=date(2021, 1, 20),
        state="published",
        version=1,
    )


def test_the_docx_has_the_2019_tables() -> None:
    proactive, requests, _ = docx_document(report_docx(xiangshan_2020())).tables
    items = [row.cells[0].text for row in proactive.rows if row.cells[0].text.startswith("第二十条")]
    assert items == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
        "第二十条第（九）项",
    ]
    labels = [row.cells[1].text for row in requests.rows[3:]]
    assert (
        "（六）其他处理" in labels
        and "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" not in labels
    )
    assert len(requests.rows) == 3 + 23


def test_the_docx_and_pdf_read_back_with_every_cell() -> None:
    content = xiangshan_2020()
    for name, data in (("report.docx", report_docx(content)), ("report.pdf", report_pdf(content))):
        read = read_report_bytes(data, name)
        assert read.format == "2019" and read.year == 2020, name
        assert read.cells == content.cells, name
