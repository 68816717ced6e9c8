"""The DOCX is the official layout a body files as it is: A4 with the margins of GB/T 9704, the official
fonts named for East Asian text in every run, and tables 二/三/四 whose merged cells are Word's own
merges (w:gridSpan, w:vMerge) exactly where the template has them."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from gongkai.reports.annual.render_docx import report_docx
from gongkai.reports.tests.annual_render_factories import HEADINGS, docx_document, sample_content

W_VAL = qn("w:val")


def grid(table: Any) -> list[list[tuple[str, int, str | None]]]:
    """Each row as its cells: (text, columns spanned, vMerge "restart"/"continue"/None)."""
    rows = []
    for tr in table._tbl.tr_lst:
        cells = []
        for tc in tr.tc_lst:
            span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
            vmerge = None if merge is None else merge.get(W_VAL, "continue")
            cells.append((text, int(span.get(W_VAL)) if span is not None else 1, vmerge))
        rows.append(cells)
    return rows


def width(row: list[tuple[str, int, str | None]]) -> int:
    return sum(span for _, span, _ in row)


def test_the_page_is_a4_with_the_margins_of_government_documents() -> None:
    section = docx_document(report_docx(sample_content())).sections[0]
    mm = [round(length.mm, 1) for length in (section.page_width, section.page_height)]
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert mm == [210, 297]  # stored in twips: a millimetre is not a whole number of them
    assert [round(length.mm, 1) for length in margins] == [37, 35, 28, 26]


def test_table_3_has_the_applicant_columns_under_their_merged_headers() -> None:
    document = docx_document(report_docx(sample_content()))
    requests = document.tables[1]
    rows = grid(requests)
    assert len(rows) == 3 + 25 and {width(row) for row in rows} == {10}
    note, applicants = rows[0]
    assert note[1:] == (3, "restart") and note[0].startswith("（本列数据的勾稽关系为")
    assert applicants == ("申请人情况", 7, None)
    assert rows[1] == [
        ("", 3, "continue"),
        ("自然人", 1, "restart"),
        ("法人或其他组织", 5, None),
        ("总计", 1, "restart"),
    ]
    assert rows[2] == [
        ("", 3, "continue"),
        ("", 1, "continue"),
        *[(label, 1, None) for label in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")],
        ("", 1, "continue"),
    ]
    # The header rows repeat on every page the table runs onto; no row breaks across a page.
    for index, tr in enumerate(requests._tbl.tr_lst):
        assert (tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None) == (index < 3)
        assert tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None


def test_table_3_groups_its_result_rows_as_the_template_does() -> None:
    rows = grid(docx_document(report_docx(sample_content())).tables[1])
    body = rows[3:]
    assert body[0][0] == ("一、本年新收政府信息公开申请数量", 3, None)
    assert [text for text, _, _ in body[0][1:]] == ["102", "1", "0", "0", "0", "0", "103"]
    # 三、本年度办理结果 runs down the 21 result rows and 总计.
    assert body[2][0] == ("三、本年度办理结果", 1, "restart")
    assert [row[0][2] for row in body[3:24]] == ["continue"] * 21
    assert body[24][0] == ("四、结转下年度继续办理", 3, None)
    # （三）不予公开 over its eight rows, beside each row's own label; （一）（二）（七） span two columns.
    assert body[2][1] == ("（一）予以公开", 2, None)
    assert body[4][1] == ("（三）不予公开", 1, "restart") and body[4][2][0] == "1.属于国家秘密"
    assert [row[1] for row in body[5:12]] == [("", 1, "continue")] * 7
    groups = [(row[1][0], row[1][2]) for row in body[2:24] if row[1][2] == "restart"]
    assert groups == [
        ("（三）不予公开", "restart"),
        ("（四）无法提供", "restart"),
        ("（五）不予处理", "restart"),
        ("（六）其他处理", "restart"),
    ]
    assert body[23][1] == ("（七）总计", 2, None)


def test_table_4_has_its_two_level_header() -> None:
    rows = grid(docx_document(report_docx(sample_content())).tables[2])
    assert len(rows) == 4 and {width(row) for row in rows} == {15}
    assert rows[0] == [("行政复议", 5, None), ("行政诉讼", 10, None)]
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert rows[1] == [(label, 1, "restart") for label in outcomes] + [
        ("未经复议直接起诉", 5, None),
        ("复议后起诉", 5, None),
    ]
    assert rows[2] == [("", 1, "continue")] * 5 + [(label, 1, None) for label in outcomes * 2]
    assert [text for text, _, _ in rows[3]] == [
        "0",
        "0",
        "0",
        "1",
        "1",
        "5",
        "0",
        "0",
        "2",
        "7",
        "1",
        "0",
        "0",
        "0",
        "1",
    ]


def test_table_2_has_the_blocks_of_article_20() -> None:
    rows = grid(docx_document(report_docx(sample_content())).tables[0])
    assert {width(row) for row in rows} == {4}
    items = [row[0][0] for row in rows if row[0][1] == 4]
    assert items == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    assert rows[1] == [
        ("信息内容", 1, None),
        ("本年制发件数", 1, None),
        ("本年废止件数", 1, None),
        ("现行有效件数", 1, None),
    ]
    assert rows[3] == [("行政规范性文件", 1, None), ("14", 1, None), ("60", 1, None), ("265", 1, None)]
    assert rows[5] == [("信息内容", 1, None), ("本年处理决定数量", 3, None)]


def run_fonts(run: Any) -> tuple[str | None, str | None, float | None]:
    fonts = run._r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts is not None and not any(key.endswith("Theme}") or "Theme" in key for key in fonts.attrib)
    size = run.font.size.pt if run.font.size else None
    return fonts.get(qn("w:eastAsia")), fonts.get(qn("w:ascii")), size


def test_every_run_names_the_official_font_for_east_asian_text() -> None:
    document = docx_document(report_docx(sample_content()))
    paragraphs = document.paragraphs
    title = next(p for p in paragraphs if p.text == "慈溪市人民政府办公室")
    assert run_fonts(title.runs[0]) == ("方正小标宋简体", "方正小标宋简体", 22)
    heading = next(p for p in paragraphs if p.text == "一、总体情况")
    assert run_fonts(heading.runs[0]) == ("黑体", "黑体", 16)
    overview = next(p for p in paragraphs if p.text.startswith("（二）依申请公开情况。"))
    assert run_fonts(overview.runs[0]) == ("楷体_GB2312", "楷体_GB2312", 16)  # the run-in heading
    assert run_fonts(overview.runs[1]) == ("仿宋_GB2312", "仿宋_GB2312", 16)
    cell = document.tables[1].rows[3].cells[3].paragraphs[0]
    assert cell.text == "102" and run_fonts(cell.runs[0]) == ("宋体", "宋体", 10.5)
    # The document's default is no theme font (python-docx's template defaults to a Japanese one).
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:eastAsia")) == "zh-CN"


def test_the_font_table_names_the_fonts_that_stand_in_on_a_pc_without_them() -> None:
    document = docx_document(report_docx(sample_content()))
    part = next(rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable"))
    from lxml import etree  # type: ignore[import-untyped]

    root = etree.fromstring(part.blob)
    alt = {
        font.get(qn("w:name")): font.find(qn("w:altName")).get(W_VAL)
        for font in root.findall(qn("w:font"))
        if font.find(qn("w:altName")) is not None
    }
    assert alt["仿宋_GB2312"] == "仿宋" and alt["楷体_GB2312"] == "楷体" and alt["黑体"] == "SimHei"


def test_the_title_is_in_two_lines_and_the_signature_closes_the_report() -> None:
    texts = [p.text for p in docx_document(report_docx(sample_content())).paragraphs if p.text.strip()]
    assert texts[:2] == ["慈溪市人民政府办公室", "2023年政府信息公开工作年度报告"]
    assert texts[-2:] == ["慈溪市人民政府办公室", "2024年1月11日"]
    headings = [t for t in texts if t[:2] in {"一、", "二、", "三、", "四、", "五、", "六、"}]
    assert headings == HEADINGS


def test_page_numbers_are_outside_odd_right_even_left() -> None:
    document = docx_document(report_docx(sample_content()))
    section = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer
    for footer, alignment in ((section.footer, "right"), (section.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]
        assert paragraph.paragraph_format.alignment.name.lower() == alignment
        assert "PAGE" in "".join(paragraph._p.itertext()) and paragraph.text.startswith("— ")
