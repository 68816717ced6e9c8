"""Import a generated register of 100,000 rows: target ≤ 60 s (CSV; XLSX measured too).

    .venv/bin/python benchmarks/bench_import.py            # SQLite
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/bench_import.py
    .venv/bin/python benchmarks/bench_import.py --no-xlsx  # CSV only

Each run imports the same file into a new body through the `gongkai applications import` command,
so it measures reading, checking every row, computing the open ones' deadlines and writing the
applications with their events in one transaction.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from io import StringIO
from pathlib import Path

from common import N_APPLICATIONS, make_agency, random_register_rows, report, throwaway_database, timed

HEADER = ["受理编号", "申请人类型", "收到日期", "申请方式", "申请内容", "答复日期", "办理结果"]


def _labelled_rows(n: int) -> list[list[str]]:
    from gongkai.applications.models import ApplicantType, Channel, Result

    types, channels, results = dict(ApplicantType.choices), dict(Channel.choices), dict(Result.choices)
    return [
        [
            number,
            types[applicant_type],
            received.isoformat(),
            channels[channel],
            description,
            closed.isoformat() if closed else "",
            results[result] if result else "",
        ]
        for number, applicant_type, received, channel, description, closed, result in random_register_rows(n)
    ]


def write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(HEADER)
        writer.writerows(rows)


def write_xlsx(path: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("台账")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-xlsx", action="store_true")
    args = parser.parse_args()
    with throwaway_database(), tempfile.TemporaryDirectory() as folder:
        from django.core.management import call_command

        from gongkai.applications.models import Application

        rows = _labelled_rows(N_APPLICATIONS)
        files = {"CSV": Path(folder) / "register.csv"}
        write_csv(files["CSV"], rows)
        if not args.no_xlsx:
            files["XLSX"] = Path(folder) / "register.xlsx"
            write_xlsx(files["XLSX"], rows)
        ok = True
        for kind, path in files.items():
            seconds = []
            for run in range(3):
                code = f"{kind}{run}"
                make_agency(code)
                out = StringIO()
                seconds.append(
                    timed(
                        lambda p=path, c=code, o=out: call_command(
                            "applications", "import", str(p), "--agency", c, stdout=o
                        )
                    )
                )
                assert Application.objects.filter(agency__code=code).count() == N_APPLICATIONS, out.getvalue()
            print(
                f"{kind} file: {path.stat().st_size / 1e6:.1f} MB, {N_APPLICATIONS} rows; {out.getvalue().strip()}"
            )
            ok &= report(f"import {kind}", seconds, 60.0) or kind != "CSV"
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
