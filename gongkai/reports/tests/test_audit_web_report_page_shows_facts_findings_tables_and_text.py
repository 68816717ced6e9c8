"""A stored report's page shows what was recognised (format, body, year, period, publication date), its
findings (rule, severity in Chinese, message, cells, evidence lines), its tables in the official layout,
and its text with numbered lines that the findings link to."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.reports.models import PublishedReport
from gongkai.reports.tests.audit_web_factories import (
    client_for,
    cls,
    findings_naming,
    html,
    make_cast,
    seed_bytes,
    store,
    text_of,
)

pytestmark = pytest.mark.django_db


def page_of(prefix: str, agency_code: str = "NB-XS") -> tuple[PublishedReport, Any]:
    cast = make_cast()
    agency = {"NB-XS": cast.xiangshan, "NB-CX": cast.cixi}[agency_code]
    [report] = store(cast.supervisor, agency, seed_bytes(prefix))
    response = client_for(cast.supervisor).get(f"/staff/reports/{report.pk}/")
    assert response.status_code == 200
    return report, html(response)


def test_the_recognised_facts_are_shown() -> None:
    _, page = page_of("004", "NB-CX")
    [facts] = page.xpath(f"//dl[{cls('facts')}]")
    shown = dict(zip(map(text_of, facts.xpath("./dt")), map(text_of, facts.xpath("./dd")), strict=True))
    assert shown["报告年度"] == "2017年度"
    assert shown["报告格式"] == "旧统计表（2019年以前）"
    assert shown["统计期限"] == "2017-01-01 至 2017-12-08"
    assert shown["发布日期"] == "2017-12-08"
    assert shown["所属机关"] == "慈溪市人民政府办公室 · 报告所载：余姚市阳明街道办事处"


def test_each_finding_shows_rule_severity_message_cells_and_evidence_lines() -> None:
    report, page = page_of("003")
    finding = findings_naming(report, "requests.results_total.natural_person", "detail_sum")[0]
    article = page.get_element_by_id(f"finding-{finding.pk}")
    assert "sev-error" in article.get("class")
    assert [text_of(e) for e in article.xpath(f".//span[{cls('badge')}]")] == ["错误", "待核实"]
    assert text_of(article.xpath(f".//*[{cls('rule-id')}]")[0]) == "detail_sum"
    assert text_of(article.xpath(f".//*[{cls('rule-name')}]")[0]) == "办理结果之和与总计不符"
    assert "三（七）总计（自然人）为170，各项办理结果之和为171" in text_of(article)
    assert "三（七）总计 / 自然人" in [text_of(e) for e in article.xpath(f".//*[{cls('cell-ref')}]")]
    evidence = article.xpath(f".//ul[{cls('evidence')}]//a/@href")
    assert evidence[0] == f"#L{finding.evidence[0]['line']}"


def test_the_tables_follow_the_official_layout_of_the_format() -> None:
    _, page = page_of("003")
    titles = [text_of(h3) for h3 in page.xpath("//section[@id='tables']//h3")]
    assert titles == [
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    [carried_in] = page.xpath("//td[@data-key='requests.carried_in.natural_person']")
    assert text_of(carried_in) == "4"
    # Format 2019 has one （六）其他处理 row; its （三）不予公开 spans eight rows.
    assert page.xpath("//td[@data-key='requests.other_processing.total']")
    assert page.xpath(f"//td[{cls('group')} and normalize-space()='（三）不予公开']/@rowspan") == ["8"]
    assert len(page.xpath("//td[starts-with(@data-key, 'appeals.')]")) == 15


def test_the_old_table_is_shown_with_its_units() -> None:
    _, page = page_of("000", "NB-CX")
    [table] = page.xpath(f"//table[{cls('official')}]")
    assert [text_of(th) for th in table.xpath(".//thead//th")] == ["统计指标", "单位", "统计数"]
    [row] = table.xpath(".//tr[td/@data-key='requests_received']")
    assert [text_of(td) for td in row] == ["（一）收到申请数", "件", "60"]


def test_the_text_is_numbered_and_the_evidence_lines_are_marked() -> None:
    report, page = page_of("003")
    finding = findings_naming(report, "requests.results_total.natural_person", "detail_sum")[0]
    line = finding.evidence[0]["line"]
    marked = page.get_element_by_id(f"L{line}")
    assert "mark" in marked.get("class") and "sev-error" in marked.get("class")
    assert text_of(marked.xpath(f".//*[{cls('t')}]")[0]) == report.text.split("\n")[line - 1].strip()
    assert f"#finding-{finding.pk}" in marked.xpath(f".//*[{cls('refs')}]/a/@href")
    assert len(page.xpath(f"//div[{cls('report-text')}]/div[{cls('line')}]")) == len(report.text.split("\n"))
