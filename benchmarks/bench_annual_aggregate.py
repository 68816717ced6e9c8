"""A county government's aggregated annual report: 300 bodies (the government, its departments and its
乡镇/街道) of about 3,000 applications each (2019–2025), target ≤ 5 s.

    nice .venv/bin/python benchmarks/bench_annual_aggregate.py            # SQLite
    DATABASE_URL=postgres://… nice .venv/bin/python benchmarks/bench_annual_aggregate.py
    … --bodies 50 --per-body 500                                          # a smaller county

Measured: `aggregated_cells` (every cell summed over the members) and `build_content` (the whole report
as every output renders it: cells, the records' facts for the region, the drafted overview, the
history), first with every member counted from its records (no report published yet: the worst case),
then with the reports of mid-February (published, imported, in the works, covered). Median of `--runs`.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date

from common import report, throwaway_database, timed
from county import analyse, county_arguments, make_county, set_report_states

LIMIT = 5.0
YEAR = 2024


def main() -> int:
    args = county_arguments().parse_args()
    with throwaway_database():
        from gongkai.reports.annual.aggregation import aggregated_cells
        from gongkai.reports.annual.content import build_content

        county = make_county(args.bodies, args.per_body, YEAR)
        analyse()
        print(f"{args.bodies} bodies × {args.per_body} applications (2019–2025)")
        government = county.government
        ok = True

        def measure(label: str) -> bool:
            ok = True
            for name, function in (
                ("aggregated_cells", lambda: aggregated_cells(government, YEAR)),
                ("build_content", lambda: build_content(government, YEAR, today=date(YEAR + 1, 2, 10))),
            ):
                cpu = []
                walls = []
                for _ in range(args.runs):
                    start = time.process_time()
                    walls.append(timed(function))
                    cpu.append(time.process_time() - start)
                ok &= report(f"{name}, {label}", walls, LIMIT)
                # On a shared machine: what the work costs this process (on PostgreSQL the counting runs
                # in the server, outside it).
                print(f"    CPU time of this process: median {statistics.median(cpu):.3f} s")
            return ok

        ok &= measure("every member from its records")
        states = set_report_states(county, YEAR)
        analyse()
        print("reports:", ", ".join(f"{state} {n}" for state, n in states.items()))
        ok &= measure("members published, imported, in the works")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
