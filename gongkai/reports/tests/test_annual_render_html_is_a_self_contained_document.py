"""The report's HTML: a complete document for printing and the PDF (the stylesheet inlined, no script,
nothing fetched from elsewhere), and the include the portal page embeds (no script, no style attribute,
as a strict Content-Security-Policy needs), both in the official layout with the text escaped."""

from __future__ import annotations

import re

from django.template.loader import render_to_string

from gongkai.reports.annual.render_html import document_context, report_html
from gongkai.reports.tests.annual_render_factories import HEADINGS, sample_content


def test_the_document_is_whole_and_fetches_nothing() -> None:
    html = report_html(sample_content())
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert "<script" not in html and "<link" not in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "url(http" not in html and "@import" not in html
    assert "@page" in html and "size: A4" in html


def test_the_title_is_in_two_lines_and_the_sections_in_order() -> None:
    html = report_html(sample_content())
    assert (
        '<h1 class="doc-title"><span>慈溪市人民政府办公室</span><span>2023年政府信息公开工作年度报告</span></h1>'
        in html
    )
    headings = re.findall(r'<h2 class="doc-heading">(.*?)</h2>', html)
    assert headings == HEADINGS
    assert '<span class="doc-lead">（一）主动公开情况。</span>' in html
    signature = html.index('class="doc-signature"')
    assert html.index("慈溪市人民政府办公室", signature) < html.index("2024年1月11日", signature)


def test_the_tables_carry_the_templates_merged_cells_and_the_cells_keys() -> None:
    html = report_html(sample_content())
    assert '<th colspan="7">申请人情况</th>' in html and '<th colspan="5">法人或其他组织</th>' in html
    assert '<td rowspan="22" class="label group">三、本年度办理结果</td>' in html
    assert '<td rowspan="8" class="label group">（三）不予公开</td>' in html
    assert '<th colspan="5">未经复议直接起诉</th>' in html
    assert '<td class="num" data-key="requests.new_received.total">103</td>' in html
    assert html.count("<thead>") == 2  # tables 三 and 四 repeat their header rows on a new page


def test_the_portal_include_has_no_script_and_no_style_attribute() -> None:
    include = render_to_string("reports/annual/_document.html", document_context(sample_content()))
    assert include.lstrip().startswith('<article class="annual-document"')
    assert "<script" not in include and not re.search(r"\sstyle\s*=", include) and "<style" not in include


def test_text_from_staff_is_escaped() -> None:
    content = sample_content()
    content.problems = '<script>alert("x")</script>问题'
    html = report_html(content)
    assert "<script>" not in html and "&lt;script&gt;" in html
