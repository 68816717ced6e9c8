"""The publication date of a report published as a CMS page: the date the page prints with its label
("发布时间：", "发布日期：", "来源：… 时间："), else the date in the page's <meta> tags (TRS's PubDate, the
firstpublishedtime of gov.cn and the intensive site platforms, publishdate …), else the date under the
signature. "统计时间：" is the period's, not the page's."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.reports.audit.facts import page_date
from gongkai.reports.audit.reader import read_report_bytes

BODY = (
    "<p>本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。</p>"
    "<p>一、总体情况</p><p>2023年，本机关扎实推进政务公开工作。</p>"
)


def _page(head: str = "", body: str = BODY) -> bytes:
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"{head}<title>某区人民政府2023年政府信息公开工作年度报告_年报_某区</title></head>"
        f"<body><div class=article_content>{body}</div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("meta", "published"),
    [
        ('<meta name="PubDate" content="2024-03-08 15:34"/>', date(2024, 3, 8)),
        ('<meta name="firstpublishedtime" content="2024-01-20-10:30:00">', date(2024, 1, 20)),
        ('<meta name="publishdate" content="2024/01/31">', date(2024, 1, 31)),
        ('<meta property="article:published_time" content="2024-02-01T08:00:00+08:00">', date(2024, 2, 1)),
    ],
)
def test_the_page_date_in_the_meta_tags_is_the_publication_date(meta: str, published: date) -> None:
    report = read_report_bytes(_page(meta), "page.html")
    assert report.published_on == published


def test_a_date_the_page_prints_with_its_label_comes_before_the_meta_tag() -> None:
    body = "<div>来源：某区人民政府办公室 时间：2024-01-19 09:00</div>" + BODY
    report = read_report_bytes(_page('<meta name="PubDate" content="2024-03-08 15:34"/>', body), "page.html")
    assert report.published_on == date(2024, 1, 19)


def test_a_bare_time_label_is_read_but_not_the_statistics_time() -> None:
    text = (
        "某区人民政府2023年政府信息公开工作年度报告\n统计时间：2023年1月1日至2023年12月31日\n一、总体情况\n"
    )
    assert read_report_bytes(text.encode(), "a.txt").published_on is None
    text = "标题: 某区人民政府2023年政府信息公开工作年度报告\n来源：某区政府办 时间：2024-01-10 00:00\n一、总体情况\n"
    assert read_report_bytes(text.encode(), "b.txt").published_on == date(2024, 1, 10)


def test_meta_tags_without_a_publication_date_give_none() -> None:
    assert page_date([("SiteName", "某区人民政府"), ("PubDate", "不详"), ("DocId", "2024-03-08")]) is None
    assert page_date([("pubdate", "2024-02-30"), ("firstpublishedtime", "2024-03-01 10:00")]) == date(
        2024, 3, 1
    )
