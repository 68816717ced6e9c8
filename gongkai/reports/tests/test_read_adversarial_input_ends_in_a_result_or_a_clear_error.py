"""Adversarial input — long runs of digits, of row labels, of brackets, blank-line rows, a report repeated on
one line, cells and nested tables in HTML, and any mixture of them — ends in a result whose cells and
evidence point into the text, or in a clear `ReportUnreadable`; never in another exception.

Correctness only: the time the reader takes on such input up to 1 MB is measured by
`benchmarks/bench_reader_adversarial.py` (target ≤ 1 s each), not here."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import ReportUnreadable, read_report_bytes
from gongkai.reports.formats import all_keys
from gongkai.reports.tests.adversarial_reports import ADVERSARIAL, TITLE

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = [
    "1" * 200, "1234567890" * 20, "件", "（", "）", "(", ")", "〔", "【", "（一）", "（七）总计", "\t", "\n", "\n\n",
    "\t0", "\t（一）予以公开", "行政复议", "一十二三", "约300余件", "2023年1月1日", "%", "．", "、", " ", "　",
    "三、收到和处理政府信息公开申请情况", "第二十条第（一）项", "本年新收政府信息公开申请数量",
]  # fmt: skip


def _check(result: ParsedReport) -> None:
    if result.format is not None:
        assert set(result.cells) == set(all_keys(result.format))
    for line in result.cell_lines.values():
        assert 1 <= line <= len(result.lines)
    for finding in result.findings:
        assert finding.message
        for evidence in finding.evidence:
            assert 1 <= evidence.line <= len(result.lines)


def _read(data: bytes, name: str) -> None:
    try:
        result = read_report_bytes(data, name)
    except ReportUnreadable as error:
        assert str(error)
    else:
        _check(result)


@SETTINGS
@given(st.sampled_from(sorted(ADVERSARIAL)), st.integers(min_value=1, max_value=4000))
def test_each_kind_of_adversarial_input_is_read_or_rejected_clearly(kind: str, size: int) -> None:
    data, name = ADVERSARIAL[kind](size)
    _read(data, name)


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
def test_any_mixture_of_runs_labels_and_brackets_after_a_title_is_read_or_rejected_clearly(text: str) -> None:
    _read((TITLE + text).encode("utf-8"), "r.txt")
    _read(
        f"<html><body><p>{TITLE}</p><table><tr><td>{text}</td></tr></table></body></html>".encode(), "r.html"
    )
