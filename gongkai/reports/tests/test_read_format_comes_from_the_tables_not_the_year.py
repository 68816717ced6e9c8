"""The format is recognised from the tables' structure; the year decides only when there is none."""

from __future__ import annotations

from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.formats import all_keys
from gongkai.reports.tests.corpus import forms


def _retitled(name: str, old: str, new: str) -> bytes:
    text = forms.seed(name).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1).encode()


def test_a_2022_report_printed_in_the_2019_format_is_read_as_2019() -> None:
    report = read_report_bytes(
        _retitled("003", "2020年政府信息公开工作年度报告", "2022年政府信息公开工作年度报告"), "r.txt"
    )
    assert report.year == 2022
    assert report.format == "2019"
    assert list(report.cells) == all_keys("2019")
    assert report.cells["requests.other_processing.total"] == 9


def test_a_2020_report_printed_in_the_2021_format_is_read_as_2021() -> None:
    report = read_report_bytes(
        _retitled("002", "2023年政府信息公开工作年度报告", "2020年政府信息公开工作年度报告"), "r.txt"
    )
    assert report.title_year == 2020
    assert report.format == "2021"
    assert report.cells["item20_1.normative_documents.in_force"] == 265


def test_a_2020_report_with_the_old_table_is_read_as_the_old_format() -> None:
    report = read_report_bytes(
        _retitled("004", "2017年政务信息公开工作年度报告", "2020年政务信息公开工作年度报告"), "r.txt"
    )
    assert report.format == "2008"
    assert report.cells["requests_received"] == 6


def test_the_single_other_processing_row_alone_tells_the_2019_format() -> None:
    blocks = forms.seed_blocks("003")
    requests_only = [
        blocks[0],
        blocks[1],
        *(b for b in blocks if isinstance(b, forms.Table) and "申请人情况" in str(b.rows)),
    ]
    report = read_report_bytes(forms.to_text(requests_only).encode(), "r.txt")
    assert report.tables_found == ["requests"]
    assert report.format == "2019"


def test_the_three_other_rows_alone_tell_the_2021_format() -> None:
    blocks = forms.seed_blocks("002")
    requests_only = [
        blocks[0],
        blocks[1],
        *(b for b in blocks if isinstance(b, forms.Table) and "申请人情况" in str(b.rows)),
    ]
    report = read_report_bytes(forms.to_text(requests_only).encode(), "r.txt")
    assert report.tables_found == ["requests"]
    assert report.format == "2021"
    assert report.extras["format_votes"] == {"2021": 3}
