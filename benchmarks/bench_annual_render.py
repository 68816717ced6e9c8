"""The annual report of a body with 100,000 applications as DOCX (target ≤ 2 s) and PDF (≤ 5 s).

Prints, each as the median of --runs runs (5), wall-clock time against the target and the process's CPU
time beside it (on a machine shared with other work the CPU time shows what the rendering itself costs;
PostgreSQL's own work is in its server, not in this process): building the report's content from the records (the
counting, the facts the overview quotes, the history), the JSON output (content + the rules engine's
findings), the DOCX and the PDF rendered from the content, and DOCX and PDF from the records end to end
(content + rendering), which are the figures held against the targets.

.venv/bin/python benchmarks/bench_annual_render.py            # SQLite
DATABASE_URL=postgres://… .venv/bin/python benchmarks/bench_annual_render.py
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal

from common import N_APPLICATIONS, fill_applications, make_agency, report, throwaway_database

YEAR = 2024


def add_history_and_figures(agency) -> None:  # type: ignore[no-untyped-def]
    """Two earlier years imported (so the chart is drawn) and the year's table 二 figures entered."""
    from django.contrib.auth.models import User

    from gongkai.reports import formats
    from gongkai.reports.models import PublishedReport, YearlyFigure

    for year, received in ((2022, 14_100), (2023, 14_400)):
        PublishedReport.objects.create(
            agency=agency,
            year=year,
            format="2021",
            source_name=f"{year}.txt",
            source_form="text",
            source_bytes=b"",
            text="",
            cells={"requests.new_received.total": received, "requests.results_total.total": received - 100},
        )
    user = User.objects.create(username="bench")
    YearlyFigure.objects.bulk_create(
        YearlyFigure(agency=agency, year=YEAR, key=key, value=Decimal(index % 7), entered_by=user)
        for index, key in enumerate(formats.proactive_keys(formats.format_for_year(YEAR)))
    )


def measure(name: str, function: Callable[[], object], runs: int, limit: float) -> bool:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    ok = report(name, walls, limit)
    print(f"    CPU time of this process: median {statistics.median(cpus):.3f} s")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with throwaway_database():
        import json

        from gongkai.reports.annual.content import build_content
        from gongkai.reports.annual.render_docx import report_docx
        from gongkai.reports.annual.render_pdf import report_pdf
        from gongkai.reports.cli import report_json

        agency = make_agency("BENCH")
        fill_applications(agency, N_APPLICATIONS, index=False)  # the report never searches
        add_history_and_figures(agency)
        print(f"{N_APPLICATIONS} applications over 2019–2025; the report on {YEAR}")
        content = build_content(agency, YEAR)  # warms the caches, imports and fonts
        report_docx(content)
        report_pdf(content)
        print(
            f"  table 三 new received: {content.cells['requests.new_received.total']}, {len(content.history)} years charted"
        )

        measure("content from the records", lambda: build_content(agency, YEAR), runs, 1.0)
        measure(
            "JSON (content + findings)",
            lambda: json.dumps(report_json(build_content(agency, YEAR), agency), ensure_ascii=False),
            runs,
            1.0,
        )
        measure("DOCX rendering alone", lambda: report_docx(content), runs, 2.0)
        measure("PDF rendering alone", lambda: report_pdf(content), runs, 5.0)
        ok = measure("DOCX from the records", lambda: report_docx(build_content(agency, YEAR)), runs, 2.0)
        ok &= measure("PDF from the records", lambda: report_pdf(build_content(agency, YEAR)), runs, 5.0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
