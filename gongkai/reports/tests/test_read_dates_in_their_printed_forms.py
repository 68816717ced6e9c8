"""The statistics period and the publication date are read in the forms reports print them."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.reports.audit.reader import read_report_bytes

TITLE = "某区人民政府办公室\n2021年政府信息公开工作年度报告\n"


def _read(body: str) -> object:
    return read_report_bytes((TITLE + body).encode(), "r.txt")


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("本报告中所列数据的统计期限为2021年1月1日至12月31日。", (date(2021, 1, 1), date(2021, 12, 31))),
        (
            "本年报所列数据统计时间自2021年1月1日起至2021年11月30日止。",
            (date(2021, 1, 1), date(2021, 11, 30)),
        ),
        ("统计期限从2021年1月1日到2021年12月31日止。", (date(2021, 1, 1), date(2021, 12, 31))),
        ("本年报未说明数据时段。", None),
        (
            "统计期限自2021年2月30日起至2021年12月31日止。",
            None,
        ),  # no such day: no period rather than a wrong one
    ],
)
def test_the_statistics_period_is_read_from_its_sentence(
    sentence: str, period: tuple[date, date] | None
) -> None:
    report = _read(f"一、总体情况\n{sentence}\n")
    assert report.period == period  # type: ignore[attr-defined]
    if period:
        assert report.period_line == 4  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "published_on"),
    [
        ("六、其他需要报告的事项\n无。\n某区人民政府办公室\n2022年1月20日\n", date(2022, 1, 20)),
        ("六、其他需要报告的事项\n无。\n某区人民政府办公室\n二〇二二年一月二十日\n", date(2022, 1, 20)),
        ("六、其他需要报告的事项\n无。\n某区人民政府办公室\n二○二二年一月二十日\n", date(2022, 1, 20)),
        ("发布日期：2022-01-28\n一、总体情况\n无。\n", date(2022, 1, 28)),
        ("六、其他需要报告的事项\n无。\n", None),
    ],
)
def test_the_publication_date_is_read_from_the_date_line_or_the_page(
    text: str, published_on: date | None
) -> None:
    assert _read(text).published_on == published_on  # type: ignore[attr-defined]


def test_the_body_is_taken_from_the_signature_when_the_title_does_not_name_it() -> None:
    report = read_report_bytes(
        "2021年政府信息公开工作年度报告\n一、总体情况\n无。\n某县发展和改革局\n2022年1月20日\n".encode(),
        "r.txt",
    )
    assert report.agency_name == "某县发展和改革局"
