"""A body's annual report as JSON — the content built from 100,000 applications (2019–2025), checked
by the rules engine against last year's published report, and serialised with its findings — target
≤ 1 s.

    nice .venv/bin/python benchmarks/bench_annual_json.py             # SQLite
    DATABASE_URL=postgres://… nice .venv/bin/python benchmarks/bench_annual_json.py

Measured as `gongkai report build --to json` does it, without the command line: `build_content`, then
`check_content` with `previous_report`, then the JSON of every cell and the findings. Years 2020 (格式2019)
and 2024 (格式2021); median of `--runs`.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from decimal import Decimal

from common import N_APPLICATIONS, fill_applications, make_agency, report, throwaway_database, timed
from county import analyse

LIMIT = 1.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with throwaway_database():
        from django.contrib.auth.models import User

        from gongkai.appeals.models import AppealCase
        from gongkai.reports import formats
        from gongkai.reports.annual.check import check_content, previous_report
        from gongkai.reports.annual.content import build_content, number_json
        from gongkai.reports.annual.text import report_text
        from gongkai.reports.models import AnnualReport, AnnualReportVersion, YearlyFigure

        admin = User.objects.create_superuser("bench-admin", password="bench-password-1")
        agency = make_agency("BENCH")
        fill_applications(agency, N_APPLICATIONS, index=False)  # the report never searches
        AppealCase.objects.bulk_create(
            AppealCase(agency=agency, kind="reconsideration", filed_on=date(y, m, 3))
            for y in range(2019, 2026)
            for m in range(1, 13)
        )
        for year in range(2019, 2026):
            YearlyFigure.objects.bulk_create(
                YearlyFigure(agency=agency, year=year, key=key, value=Decimal(7), entered_by=admin)
                for key in formats.proactive_keys(formats.format_for_year(year))
            )
        for year in (2019, 2023):  # last year's reports, published: the rules across years read them
            content = build_content(agency, year, today=date(year + 1, 1, 20))
            content.state, content.version = "published", 1
            published = AnnualReport.objects.create(
                agency=agency, year=year, format=content.format, state="published"
            )
            AnnualReportVersion.objects.create(
                report=published, number=1, published_on=date(year + 1, 1, 20), published_by=admin,
                approved_by=admin, content=content.as_json(), text=report_text(content), docx=b"", pdf=b"",
            )  # fmt: skip
        analyse()
        print(f"{N_APPLICATIONS} applications over 2019–2025")

        def as_json(year: int) -> str:
            content = build_content(agency, year, today=date(year + 1, 1, 20))
            checked = check_content(content, previous_report(agency, year))
            cells = {key: number_json(value) for key, value in content.cells.items()}
            findings = [
                {"rule": f.rule, "severity": f.severity, "message": f.message, "keys": f.keys}
                for f in checked.findings
            ]
            return json.dumps({**content.as_json(), "cells": cells, "findings": findings}, ensure_ascii=False)

        ok = True
        for year in (2020, 2024):
            print(f"first call {year} (cold caches): {timed(lambda y=year: as_json(y)):.3f} s")
            ok &= report(
                f"JSON (content + check), {year}",
                [timed(lambda y=year: as_json(y)) for _ in range(args.runs)],
                LIMIT,
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
