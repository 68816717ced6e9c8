"""The reader's accuracy on a folder of real reports with hand-made expected results, and its time.

Prints what `gongkai report audit --expected DIR` prints (per report and overall: cells right / wrong /
missing / unfounded, expected defects found / missed, unlisted errors and warnings, known false positives,
facts wrong; see `gongkai.reports.accuracy`) with the seconds each report took to read and audit,
then the reports per second of each form. No database.

    .venv/bin/python benchmarks/bench_corpus.py                          # the copy in the tests
    .venv/bin/python benchmarks/bench_corpus.py ../shared/corpus --runs 3

Accuracy has no target here but the issue's quality bar (every established cell right, every listed
defect found, no unlisted error); the test `test_accuracy_on_the_real_reports_never_falls_below_the_recorded_floor`
holds the reader to the figures recorded there. Timing: the median of --runs rounds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django

django.setup()

from gongkai.reports.accuracy import accuracy_table, measure_folder  # noqa: E402

DEFAULT = Path(__file__).resolve().parent.parent / "gongkai" / "reports" / "tests" / "real_reports"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder", nargs="?", default=str(DEFAULT), help="folder laid out like ../shared/corpus"
    )
    parser.add_argument("--runs", type=int, default=3, help="rounds to time (the median is printed)")
    options = parser.parse_args()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    rounds = [measure_folder(options.folder) for _ in range(max(1, options.runs))]
    measured = rounds[0]
    for report in measured.reports:
        report.seconds = statistics.median(
            next(r.seconds for r in run.reports if r.file == report.file) for run in rounds
        )
    print(accuracy_table(measured, timing=True), end="")
    per_form: dict[str, list[float]] = {}
    for report in measured.reports:
        per_form.setdefault(Path(report.file).suffix.lstrip(".") or "?", []).append(report.seconds)
    for form, seconds in sorted(per_form.items()):
        print(
            f"{form}: {len(seconds)} 份，{len(seconds) / sum(seconds):.1f} 份/秒（读取并审核，中位数 {options.runs} 轮）"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
