"""The five seed reports: format, body, year, period, publication date, sections and tables."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.reports.audit.reader import read_report
from gongkai.reports.tests.corpus.forms import seed

ALL_SECTIONS = {"overview", "proactive", "requests", "appeals", "problems", "other"}
NEW_TABLES = ["item20_1", "item20_5", "item20_6", "item20_8", "requests", "appeals"]


@pytest.mark.parametrize(
    ("name", "fmt", "agency", "year", "period", "published_on", "tables"),
    [
        (
            "000",
            "2008",
            "慈溪市政府办公室",
            2018,
            (date(2018, 1, 1), date(2018, 12, 31)),
            None,
            ["old_table"],
        ),
        (
            "001",
            "2008",
            "宁波市北仑区（开发区）",
            2018,
            (date(2018, 1, 1), date(2018, 12, 31)),
            None,
            ["old_table"],
        ),
        ("002", "2021", "慈溪市人民政府办公室", 2023, None, date(2024, 1, 11), NEW_TABLES),
        (
            "003",
            "2019",
            "宁波市象山县人民政府办公室",
            2020,
            (date(2020, 1, 1), date(2020, 12, 31)),
            None,
            [*NEW_TABLES[:4], "item20_9", *NEW_TABLES[4:]],
        ),
        (
            "004",
            "2008",
            "余姚市阳明街道办事处",
            2017,
            (date(2017, 1, 1), date(2017, 12, 8)),
            date(2017, 12, 8),
            ["old_table"],
        ),
    ],
)
def test_each_seed_is_read_with_its_format_body_year_period_and_tables(
    name: str,
    fmt: str,
    agency: str,
    year: int,
    period: tuple[date, date] | None,
    published_on: date | None,
    tables: list[str],
) -> None:
    report = read_report(seed(name))
    assert report.format == fmt
    assert report.extras["format_from"] == "tables"
    assert report.agency_name == agency
    assert report.year == year
    assert report.title_year == year
    assert report.text_years[0] == year
    assert report.period == period
    assert report.published_on == published_on
    assert report.tables_found == tables
    assert report.source_form == "text"
    assert set(report.sections) == ALL_SECTIONS
    assert report.findings == []


def test_the_period_line_is_where_the_report_states_its_statistics_period() -> None:
    report = read_report(seed("004"))
    assert report.period_line is not None
    assert "统计期限自2017年1月1日起至2017年12月8日止" in report.lines[report.period_line - 1]


def test_a_period_whose_end_omits_the_year_ends_in_the_same_year() -> None:
    report = read_report(seed("003"))  # "从2020年1月1日到12月31日止"
    assert report.period == (date(2020, 1, 1), date(2020, 12, 31))


def test_the_title_line_and_title_are_those_printed_at_the_top() -> None:
    report = read_report(seed("000"))  # a title printed over two lines
    assert report.title == "2018年慈溪市政府办公室信息公开工作年度报告"
    assert report.title_line is not None
    assert report.lines[report.title_line - 1] == "2018年慈溪市政府办公室信息公开"


def test_the_title_names_the_wrong_regulation_as_printed() -> None:
    report = read_report(seed("004"))
    assert report.title == "余姚市阳明街道办事处2017年政务信息公开工作年度报告"
