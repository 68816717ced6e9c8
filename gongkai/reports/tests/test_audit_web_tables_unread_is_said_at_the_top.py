"""A report from which a table the format requires was not read says so at the top of its audit
page, in the list of results and above its findings: nothing in that table was checked."""

from __future__ import annotations

import pytest

from gongkai.reports.tests.audit_web_factories import client_for, html, make_cast, seed_bytes, text_of, upload

pytestmark = pytest.mark.django_db

PROSE_ONLY = (
    "某县人民政府办公室\n2023年政府信息公开工作年度报告\n一、总体情况\n"
    "2023年，我办共收到政府信息公开申请12件，均已按时答复。\n"
).encode()


def test_the_results_list_and_the_report_say_the_tables_were_not_read() -> None:
    cast = make_cast()
    response = upload(
        client_for(cast.supervisor), [("只有正文.txt", PROSE_ONLY), seed_bytes("002")], mode="audit"
    )
    assert response.status_code == 200
    page = html(response)
    rows = [text_of(row) for row in page.xpath("//table[@id='results']/tbody/tr")]
    assert "统计表未读出" in rows[0] and "统计表未读出" not in rows[1]
    section = page.get_element_by_id("r1")
    [notice] = section.xpath(".//p[contains(@class, 'unread')]")
    assert "未能读取统计表" in text_of(notice) and "表三" in text_of(notice)
    # It comes before the findings of the report.
    findings_heading = section.xpath(".//h3")[0]
    assert notice.getparent().index(notice) < findings_heading.getparent().index(findings_heading)
    assert not page.get_element_by_id("r2").xpath(".//p[contains(@class, 'unread')]")
