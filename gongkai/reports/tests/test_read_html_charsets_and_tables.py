"""Web pages are decoded by their byte-order mark, their declared charset, then by trial (UTF-8,
GB18030; GB2312 and GBK labels decode as GB18030), and their tables read cell by cell."""

from __future__ import annotations

import codecs

import pytest

from gongkai.reports.audit.inputs import ReportUnreadable, decode_report, html_lines

TITLE = "某县人民政府办公室2022年政府信息公开工作年度报告"
# 䶮 and • are in GB18030 but not in GB2312 or GBK: a page labelled gb2312 may still hold them.
BODY = "<p>宁波•慈溪 龑䶮</p>"


def page(charset_label: str | None) -> str:
    meta = f'<meta charset="{charset_label}">' if charset_label else ""
    return f"<html><head>{meta}<title>站点</title></head><body><h1>{TITLE}</h1>{BODY}</body></html>"


@pytest.mark.parametrize("label", ["gb2312", "GBK", "gb18030", "x-gbk"])
def test_a_page_labelled_with_a_chinese_charset_is_decoded_as_gb18030(label: str) -> None:
    decoded = decode_report(page(label).encode("gb18030"), "report.html")
    assert decoded.form == "html"
    assert decoded.encoding == "gb18030"
    assert decoded.lines == [TITLE, "宁波•慈溪 龑䶮"]


def test_a_page_without_a_label_is_decoded_by_trial() -> None:
    assert decode_report(page(None).encode("gb18030"), "a.htm").lines[0] == TITLE
    assert decode_report(page(None).encode("utf-8"), "a.htm").encoding == "utf-8"


def test_a_byte_order_mark_wins_over_a_wrong_label() -> None:
    data = codecs.BOM_UTF8 + page("gb2312").encode("utf-8")
    decoded = decode_report(data, "a.html")
    assert decoded.encoding == "utf-8"
    assert decoded.lines[0] == TITLE


def test_a_page_mislabelled_with_a_western_charset_is_still_decoded_as_chinese() -> None:
    decoded = decode_report(page("iso-8859-1").encode("utf-8"), "a.html")
    assert decoded.lines[0] == TITLE


def test_an_xml_declaration_names_the_charset_of_an_xhtml_page() -> None:
    text = '<?xml version="1.0" encoding="gbk"?>' + page(None)
    decoded = decode_report(text.encode("gb18030"), "a.xhtml")
    assert decoded.encoding == "gb18030"
    assert decoded.lines[0] == TITLE


def test_bytes_that_no_chinese_encoding_decodes_are_unreadable() -> None:
    with pytest.raises(ReportUnreadable, match="字符编码"):
        decode_report(b"<html><body>\x81\x20\xff\xfe\x80</body></html>", "a.html")


def test_a_table_becomes_one_tab_indented_line_per_cell_and_rowspans_become_empty_cells() -> None:
    lines = html_lines(
        "<table>"
        "<tr><td rowspan='2'>三、本年度办理结果</td><td>（一）予以公开</td><td>15</td></tr>"
        "<tr><td>（二）部分公开</td><td>27</td></tr>"
        "<tr><td colspan='2'>（七）总计</td><td>42</td></tr>"
        "</table>"
    )
    assert lines == [
        "\t三、本年度办理结果", "\t（一）予以公开", "\t15", "",
        "\t", "\t（二）部分公开", "\t27", "",
        "\t（七）总计", "\t42", "",
        "",
    ]  # fmt: skip


def test_a_cell_with_several_lines_keeps_them_without_a_tab() -> None:
    lines = html_lines(
        "<table><tr><td>（一）主动公开政府信息数<br>（不同渠道计1条）</td><td>8457</td></tr></table>"
    )
    assert lines[:3] == ["\t（一）主动公开政府信息数", "（不同渠道计1条）", "\t8457"]


def test_a_layout_table_around_the_article_is_read_as_text_and_scripts_are_skipped() -> None:
    lines = html_lines(
        "<body><table><tr><td><p>第一段</p><table><tr><td>规章</td><td>0</td></tr></table>"
        "<p>第二\t段</p></td></tr></table><script>document.write('<p>x</p>')</script></body>"
    )
    assert lines == ["第一段", "\t规章", "\t0", "", "", "第二 段"]
