"""A text whose tables are read as a stream (no cell structure, the whole report on one line) is
read at once however it is made: long runs of labels, of figures, of numbered rows, of headings.
The stream holds only the text from the first word of a table on, up to a bound, and stops at the
end of the table."""

from __future__ import annotations

import subprocess
import sys

import pytest

SCRIPT = """
import sys, time
from gongkai.reports.audit.reader import ReportUnreadable, read_report_bytes
data = sys.stdin.buffer.read()
started = time.perf_counter()
try:
    read_report_bytes(data, "attack.txt")
except ReportUnreadable:
    pass
print(time.perf_counter() - started)
"""
SIZE = 100_000
ATTACKS = {
    "old-table-labels": "2018年政府信息公开工作年度报告 指标名称 " + "当面申请数条11" * (SIZE // 8),
    "numbered-rows": "2018年政府信息公开工作年度报告 统计指标 " + "其中：1.网站公开 条 " * (SIZE // 12),
    "new-table-labels": "2023年政府信息公开工作年度报告 第二十条第（一）项 申请人情况 "
    + "予以公开1" * (SIZE // 5),
    "spaced-figures": "2023年政府信息公开工作年度报告 统计指标 " + "1 " * (SIZE // 2),
    "headings": "2023年报告 " + " 一、总体情况" * (SIZE // 7),
    "figures-after-a-label": "2023年政府信息公开工作年度报告 本年新收政府信息公开申请数量" + "1" * SIZE,
}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_an_adversarial_stream_is_read_within_a_second(attack: str) -> None:
    data = ATTACKS[attack].encode()
    done = subprocess.run([sys.executable, "-c", SCRIPT], input=data, capture_output=True, timeout=120)  # noqa: S603 - the test's own script
    assert done.returncode == 0, done.stderr.decode()
    assert float(done.stdout) < 1.0
