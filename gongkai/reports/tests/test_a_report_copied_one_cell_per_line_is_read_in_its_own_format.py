"""A report in the 2019 or 2021 format copied out of a web page one cell a line: table 二's
headings ("信息内容" / "本年制发件数" / "本年废止件数" / …) each stand on a line of their own, and they
tell the format as they do when a row of them is one line. They were not read (a header's headings
were looked for on the line of its "信息内容" only), so the format was left to the rows that a stream
of labels and figures fits best and, where the rows fit both formats alike, to the year: a report in
the 2021 format whose table 三 prints （六）其他处理 as one row (as the 2019 format does) was read in
the format of its year, and table 二's figures split into that format's columns."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import SINGLE_OTHER_ROW, read_report_bytes
from gongkai.reports.auditing import audit_report
from gongkai.reports.formats import FORMAT_2019, FORMAT_2021, REQUEST_COLUMNS, all_keys
from gongkai.reports.tests.corpus import copies

OTHER_2021 = ("requests.other_no_correction.", "requests.other_fee_unpaid.", "requests.other_other.")


def new_format_report(single_other_row: bool, fmt: str = FORMAT_2021, year: int = 2024) -> copies.Report:
    """A report in format `fmt`, each cell a different figure; a 2021 format's table 三 printing
    （六）其他处理 as one row (as the 2019 format does) or as the format's three."""
    keys = [key for key in all_keys(fmt) if not key.endswith("_unit")]
    cells: dict[str, Any] = {key: 10 + index for index, key in enumerate(keys)}
    extra: dict[str, Any] = {}
    if single_other_row:
        cells = {key: value for key, value in cells.items() if not key.startswith(OTHER_2021)}
        extra = {f"{SINGLE_OTHER_ROW}.{column}": 3 + n for n, column in enumerate(REQUEST_COLUMNS)}
    expected = {"format": fmt, "year": year, "cells": cells, "extra_cells": extra}
    tables = copies._new_tables(expected)
    blocks: list[copies.Block] = [
        f"某某区人民政府{year}年政府信息公开工作年度报告",
        "一、总体情况",
        f"{year}年，区政府认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开。",
    ]
    for heading, grid in zip(copies._SECTION_HEADINGS, tables, strict=True):
        blocks += [heading, grid]
    blocks += [
        "五、存在的主要问题及改进情况",
        "政务公开的标准化还需加强。",
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
    ]
    return copies.Report(f"{fmt} format, {year}", blocks, expected)


def read_one_cell_per_line(report: copies.Report) -> ParsedReport:
    return audit_report(read_report_bytes(copies.to_text_cells_per_line(report), "report.txt"))


def test_table_two_headings_on_lines_of_their_own_are_read_as_its_columns() -> None:
    read = read_one_cell_per_line(new_format_report(single_other_row=False))
    assert read.extras["format_votes"] == {FORMAT_2021: 4}  # 本年制发件数 … 本年收费金额
    read = read_one_cell_per_line(new_format_report(single_other_row=False, fmt=FORMAT_2019, year=2020))
    assert read.extras["format_votes"][FORMAT_2019] >= 3  # 本年新制作数量 …
    assert read.format == FORMAT_2019


@pytest.mark.parametrize("year", [2020, 2024])
def test_they_tell_the_2021_format_where_the_rows_fit_both_formats(year: int) -> None:
    report = new_format_report(single_other_row=True, year=year)
    read = read_one_cell_per_line(report)
    assert read.format == FORMAT_2021
    assert read.extras["format_from"] == "tables"
    expected = report.expected["cells"]
    item20 = [key for key in expected if key.startswith("item20_")]
    assert {key: read.cells[key] for key in item20} == {key: expected[key] for key in item20}


def test_a_report_in_the_2021_format_with_its_three_other_rows_is_read_alike() -> None:
    report = new_format_report(single_other_row=False)
    read = read_one_cell_per_line(report)
    assert read.format == FORMAT_2021
    assert {key: read.cells[key] for key in report.expected["cells"]} == report.expected["cells"]
