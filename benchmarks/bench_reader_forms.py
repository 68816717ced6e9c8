"""The reader on every report of the corpus and every seed rewritten into the forms real copies take.

Each report (the corpus's `expected/*.json` with their reports, the five seeds) is rewritten from its own
text and expected cells (`gongkai.reports.tests.corpus.copies`): a DOCX with Word tables, a DOCX whose
tables were pasted as paragraphs (cells split by tabs, or by spaces), HTML with <table> grids merged as
the official format merges them, HTML whose tables became <p> lines, plain text with tab-separated
cells, and a PDF made by WeasyPrint. Each copy is read and audited, and held against the report's expected
cells, extra cells (历年累计, the regional rows) and defects. Printed per form: cells right / wrong /
missing / unfounded, defects found / missed, unlisted errors ("errors"), extra cells right / wrong; then
what went wrong.

    .venv/bin/python benchmarks/bench_reader_forms.py [--form FORM ...] [--quiet]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django

django.setup()

from gongkai.reports.tests.corpus.copies import FORMS, CopyResult, all_reports, measure  # noqa: E402

COLUMNS = (
    "cells_right",
    "cells_wrong",
    "cells_missing",
    "cells_unfounded",
    "defects_found",
    "defects_missed",
    "unlisted_errors",
)


def _notes(name: str, result: CopyResult) -> list[str]:
    accuracy = result.accuracy
    notes = []
    if accuracy.unreadable:
        notes.append(f"unreadable: {accuracy.unreadable}")
    notes += [f"wrong {r.key}: read {r.read}, expected {r.expected}" for r in accuracy.wrong[:6]]
    if accuracy.missing:
        notes.append(f"missing {len(accuracy.missing)}: " + ", ".join(r.key for r in accuracy.missing[:6]))
    notes += [f"unfounded {r.key} = {r.read}" for r in accuracy.unfounded[:4]]
    notes += [f"extra cell {k}: read {got}, expected {want}" for k, want, got in result.extra_wrong[:6]]
    notes += [f"defect missed {d.describe()}" for d in accuracy.missed]
    notes += [f"unlisted error {f.rule}: {f.message[:90]}" for f in accuracy.unlisted_errors[:4]]
    notes += [f"tables unread: {f.message[:90]}" for f in accuracy.tables_unread[:2]]
    return [f"  {name}: {note}" for note in notes]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--form", action="append", choices=sorted(FORMS), help="only these forms")
    parser.add_argument("--quiet", action="store_true", help="figures only, not what went wrong")
    options = parser.parse_args()
    reports = all_reports()
    print(f"{len(reports)} reports: " + ", ".join(report.name for report in reports))
    titles = ("right", "wrong", "missing", "unfounded", "found", "missed", "errors")
    header = f"{'form':34}" + "".join(f"{title:>10}" for title in titles)
    print(header + f"{'extra ok':>10}{'extra bad':>10}{'seconds':>9}")
    details: list[str] = []
    grand: dict[str, int] = dict.fromkeys(COLUMNS, 0)
    grand_extra = [0, 0]
    for form in options.form or list(FORMS):
        totals = dict.fromkeys(COLUMNS, 0)
        extra = [0, 0]
        started = time.perf_counter()
        for report in reports:
            result = measure(report, form)
            figures = result.accuracy.figures()
            for column in COLUMNS:
                totals[column] += figures[column]
            extra[0] += result.extra_right
            extra[1] += len(result.extra_wrong)
            notes = _notes(report.name, result)
            if notes:
                details.append(f"== {form}")
                details.extend(notes)
        seconds = time.perf_counter() - started
        print(
            f"{form:34}"
            + "".join(f"{totals[c]:>10}" for c in COLUMNS)
            + f"{extra[0]:>10}{extra[1]:>10}{seconds:>9.2f}"
        )
        for column in COLUMNS:
            grand[column] += totals[column]
        grand_extra = [grand_extra[0] + extra[0], grand_extra[1] + extra[1]]
    print(
        f"{'all':34}"
        + "".join(f"{grand[c]:>10}" for c in COLUMNS)
        + f"{grand_extra[0]:>10}{grand_extra[1]:>10}"
    )
    if not options.quiet and details:
        print("\n".join(details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
