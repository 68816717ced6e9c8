"""Auditing published reports (reader + rules engine), per input form, and memory over 1,000 reports.

Targets on one core: ≥ 50 text or HTML reports/s, ≥ 10 DOCX/s, ≥ 1 PDF/s, including the rules;
memory flat over 1,000 reports.

    .venv/bin/python benchmarks/bench_audit.py                 # every form, then the 1,000-report run
    .venv/bin/python benchmarks/bench_audit.py --seconds 2     # shorter timing per form

The reports are the five seeds rendered in every form by `gongkai.reports.tests.corpus.forms`
(DOCX with python-docx, HTML in UTF-8 and GB18030, PDF with reportlab, text with cells run
together, and the whole report on one line); each report read gets one line of its own so that no two inputs are the same bytes.
RSS is read from /proc/self/status (VmRSS). Each form's rate is given per second of wall-clock time
(held against the target) and per second of the process's CPU time: on a shared machine the first
falls with the load, the second is what a core of its own gives.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django

django.setup()

from gongkai.reports.audit.reader import read_report_bytes  # noqa: E402
from gongkai.reports.auditing import audit_report  # noqa: E402
from gongkai.reports.tests.corpus import forms  # noqa: E402

SEEDS = ["000", "001", "002", "003", "004"]
TARGETS = {"text": 50.0, "html": 50.0, "runtogether": 50.0, "oneline": 50.0, "docx": 10.0, "pdf": 1.0}


def _unique_text(text: str, n: int) -> str:
    return text + f"\n（第{n}份）\n"


def renderers() -> dict[str, Callable[[str, int], tuple[bytes, str]]]:
    """Form → a function giving the n-th report of that form (bytes, file name)."""

    def text(name: str, n: int) -> tuple[bytes, str]:
        return _unique_text(forms.seed(name).read_text(encoding="utf-8"), n).encode(), f"{name}.txt"

    def runtogether(name: str, n: int) -> tuple[bytes, str]:
        return _unique_text(forms.to_run_together(forms.seed_blocks(name)), n).encode(), f"{name}.txt"

    def oneline(name: str, n: int) -> tuple[bytes, str]:
        # The whole report on one line, as a web page's text extraction gives it.
        return (forms.to_one_line(forms.seed_blocks(name)) + f" （第{n}份）").encode(), f"{name}.txt"

    def with_line(name: str, n: int) -> list[forms.Block]:
        return [*forms.seed_blocks(name), f"（第{n}份）"]

    def html(name: str, n: int) -> tuple[bytes, str]:
        charset = "gb18030" if n % 2 else "utf-8"
        return forms.to_html(with_line(name, n), charset, declare="gb2312" if n % 2 else None), f"{name}.html"

    def docx(name: str, n: int) -> tuple[bytes, str]:
        return forms.to_docx(with_line(name, n)), f"{name}.docx"

    def pdf(name: str, n: int) -> tuple[bytes, str]:
        return forms.to_pdf(with_line(name, n)), f"{name}.pdf"

    return {
        "text": text,
        "html": html,
        "runtogether": runtogether,
        "oneline": oneline,
        "docx": docx,
        "pdf": pdf,
    }


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def audit(data: bytes, name: str) -> int:
    report = audit_report(read_report_bytes(data, name))
    return len(report.findings)


def throughput(
    form: str, render: Callable[[str, int], tuple[bytes, str]], seconds: float
) -> tuple[float, float]:
    """Reports per second of wall-clock time, and per second of the process's CPU time (on a
    loaded machine the second is what one core of its own would give)."""
    # Render first (that is the test corpus's cost, not the reader's), then time the audits only.
    inputs = [
        render(name, n)
        for n, name in zip(range(40 if form != "pdf" else 10), itertools.cycle(SEEDS), strict=False)
    ]
    audit(*inputs[0])  # warm: imports, the gazetteer, compiled patterns
    count = 0
    started, cpu = time.perf_counter(), time.process_time()
    while time.perf_counter() - started < seconds or count < len(inputs):
        audit(*inputs[count % len(inputs)])
        count += 1
    return count / (time.perf_counter() - started), count / max(time.process_time() - cpu, 1e-9)


def memory_run(total: int) -> tuple[float, float, float]:
    """RSS before, at the 100th and at the `total`-th report of a stream that mixes every form."""
    makers = renderers()
    cycle = itertools.cycle(["text", "html", "runtogether", "docx", "oneline", "html", "pdf"])
    gc.collect()
    before = rss_mb()
    at_100 = float("nan")
    for n in range(1, total + 1):
        form = next(cycle)
        data, name = makers[form](SEEDS[n % len(SEEDS)], n)
        audit(data, name)
        if n == 100:
            gc.collect()
            at_100 = rss_mb()
    gc.collect()
    return before, at_100, rss_mb()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=5.0, help="time per form")
    parser.add_argument("--count", type=int, default=1000, help="reports in the memory run")
    args = parser.parse_args()
    ok = True
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'form':<12} {'reports/s':>10} {'per CPU s':>10} {'target':>8}")
    for form, render in renderers().items():
        rate, cpu_rate = throughput(form, render, args.seconds)
        passed = rate >= TARGETS[form]
        ok &= passed
        verdict = "OK" if passed else "TOO SLOW"
        print(f"{form:<12} {rate:>10.1f} {cpu_rate:>10.1f} {TARGETS[form]:>8.0f}  {verdict}", flush=True)
    before, at_100, at_end = memory_run(args.count)
    growth = at_end - at_100
    flat = growth < 0.1 * at_100
    ok &= flat
    print(
        f"RSS: {before:.1f} MB before, {at_100:.1f} MB at the 100th report, {at_end:.1f} MB at the "
        f"{args.count}th ({growth:+.1f} MB)  {'OK' if flat else 'GROWING'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
