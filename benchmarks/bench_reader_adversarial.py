"""The reader on adversarial reports of up to 1 MB: each must end — with a result or a clear
`ReportUnreadable` — within a second.

Long runs of digits (alone, before 件, in a table row whose figures run together), of row labels, of
brackets of every kind, of one report repeated on one line, of blank-line-separated rows with no
figures, of nested HTML tables and of cells; each at 1 MB (and the sizes given with --sizes). Every
input is read in the same process, once warm-up aside, and its wall-clock seconds printed (with the
process's CPU seconds: on a shared machine the wall-clock is an upper bound) with OK or TOO SLOW.

    .venv/bin/python benchmarks/bench_reader_adversarial.py
    .venv/bin/python benchmarks/bench_reader_adversarial.py --sizes 10000 100000 1000000

Target: ≤ 1 s per report of up to 1 MB (issue 7). Exits 1 when one is slower. The unit test
`test_read_adversarial_input_ends_in_a_result_or_a_clear_error` checks the same kinds of input for
correctness only (a result or a clear error), never for time.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django

django.setup()

from gongkai.reports.audit.reader import ReportUnreadable, read_report_bytes  # noqa: E402
from gongkai.reports.tests.adversarial_reports import ADVERSARIAL  # noqa: E402

TARGET_SECONDS = 1.0


def timed(make: Callable[[int], tuple[bytes, str]], size: int) -> tuple[float, float, str, int]:
    """Wall-clock and CPU seconds of one read, what it ended in, and the input's length."""
    data, name = make(size)
    started, cpu = time.perf_counter(), time.process_time()
    try:
        report = read_report_bytes(data, name)
        outcome = (
            f"{sum(v is not None for v in report.cells.values())} 个单元格，{len(report.findings)} 项发现"
        )
    except ReportUnreadable as error:
        outcome = f"无法读取：{str(error)[:40]}"
    return time.perf_counter() - started, time.process_time() - cpu, outcome, len(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000], help="bytes of each input")
    parser.add_argument("--only", help="only the inputs whose name contains this")
    options = parser.parse_args()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    read_report_bytes("2023年政府信息公开工作年度报告\n".encode(), "warm.txt")  # imports and caches
    slow = 0
    for name, make in ADVERSARIAL.items():
        if options.only and options.only not in name:
            continue
        for size in options.sizes:
            seconds, cpu, outcome, length = timed(make, size)
            verdict = "OK" if seconds <= TARGET_SECONDS else "TOO SLOW"
            slow += verdict != "OK"
            print(f"{name:<28} {length:>9} B  {seconds:7.3f} s (CPU {cpu:6.3f} s)  {verdict:<8}  {outcome}")
    print("all within 1 s" if not slow else f"{slow} input(s) over 1 s")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
