"""The 76-byte upload of issue 8 (a title, then 28 ones and 件) and longer runs are read at once."""

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


@pytest.mark.parametrize("digits", [28, 40, 150, 5000])
def test_a_title_and_a_long_run_of_digits_is_read_within_a_second(digits: int) -> None:
    data = ("2023年政府信息公开工作年度报告\n" + "1" * digits + "件\n").encode()
    done = subprocess.run([sys.executable, "-c", SCRIPT], input=data, capture_output=True, timeout=120)  # noqa: S603 - the test's own script
    assert done.returncode == 0, done.stderr.decode()
    assert float(done.stdout) < 1.0
