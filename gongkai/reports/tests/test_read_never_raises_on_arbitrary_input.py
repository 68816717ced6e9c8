"""Whatever it is given, the reader ends with a result or a clear `ReportUnreadable`, never a crash."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import ReportUnreadable, read_report_bytes
from gongkai.reports.formats import all_keys
from gongkai.reports.tests.corpus import forms

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of real reports, so that the generated text reaches the table and run-together readers.
FRAGMENTS = [
    "2023年政府信息公开工作年度报告", "一、总体情况", "\t", "\t0", "\t12", "\t（一）予以公开", "\t三、本年度办理结果",
    "\t统　计　指　标", "\t单位", "\t统计数", "\t第二十条第（一）项", "\t信息内容", "\t本年制发件数", "\t行政复议",
    "\t行政诉讼", "\t结果维持", "规章000", "行政规范性文件1232145", "（七）总计1021000103", "一、本年新收到政府信息公开申请数量",
    "统计期限自2017年1月1日起至2017年12月8日止", "2024年1月11日", "附件", "\t——", "\t-3", "\t1.5万元", "", "\n",
]  # fmt: skip
report_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=60).map(
    "\n".join
)


def _check(result: ParsedReport) -> None:
    if result.format is not None:
        assert set(result.cells) == set(all_keys(result.format))
    for line in result.cell_lines.values():
        assert 1 <= line <= len(result.lines)
    for finding in result.findings:
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
@given(report_like)
def test_any_text_is_read_or_rejected_clearly(text: str) -> None:
    _read(text.encode("utf-8"), "r.txt")
    _read(text.encode("gb18030", errors="replace"), "r.txt")


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_are_read_or_rejected_clearly(data: bytes) -> None:
    _read(data, "r.bin")


@SETTINGS
@given(report_like)
def test_any_html_is_read_or_rejected_clearly(text: str) -> None:
    _read(
        f"<html><body><table><tr><td>{text}</td><td>1</td></tr></table><p>{text}</p></body></html>".encode(),
        "r.html",
    )


@cache
def _docx() -> bytes:
    return forms.to_docx(forms.seed_blocks("002"))


@cache
def _pdf() -> bytes:
    return forms.to_pdf(forms.seed_blocks("002")[:8])


def _mutated(original: bytes, cuts: list[tuple[int, bytes]]) -> bytes:
    data = bytearray(original)
    for position, replacement in cuts:
        at = position % len(data)
        data[at : at + len(replacement)] = replacement
    return bytes(data)


mutations = st.lists(
    st.tuples(st.integers(min_value=0, max_value=10**7), st.binary(min_size=1, max_size=8)), max_size=6
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations, st.integers(min_value=0, max_value=10**7))
def test_a_broken_docx_is_read_or_rejected_clearly(cuts: list[tuple[int, bytes]], length: int) -> None:
    data = _mutated(_docx(), cuts)
    _read(data[: max(4, length % (len(data) + 1))], "r.docx")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations, st.integers(min_value=0, max_value=10**7))
def test_a_broken_pdf_is_read_or_rejected_clearly(cuts: list[tuple[int, bytes]], length: int) -> None:
    data = _mutated(_pdf(), cuts)
    _read(data[: max(8, length % (len(data) + 1))], "r.pdf")
