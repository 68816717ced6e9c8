"""The supervising office's dashboard of a county's annual reports: 300 bodies of about 3,000
applications each, their reports in the states of mid-February, target ≤ 300 ms.

    nice .venv/bin/python benchmarks/bench_annual_dashboard.py            # SQLite
    DATABASE_URL=postgres://… nice .venv/bin/python benchmarks/bench_annual_dashboard.py

Measured: the selector alone (`region_dashboard`) and the page through Django's test client as the
county's supervisor (the whole response: session, role check, selector, template), and its XLSX
export; each the median of `--runs` rounds of the p95 of 10 warm calls.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date

from common import report, throwaway_database
from county import analyse, county_arguments, make_county, set_report_states

LIMIT = 0.300
YEAR = 2024
WARM = 10


def p95(function: Callable[[], object]) -> float:
    function()  # warm
    times = []
    for _ in range(WARM):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.quantiles(times, n=20)[-1]


def main() -> int:
    args = county_arguments().parse_args()
    with throwaway_database():
        from django.test import Client
        from django.urls import reverse

        from gongkai.agencies.models import Membership
        from gongkai.agencies.services import membership_grant, user_create
        from gongkai.reports.annual.dashboard import region_dashboard

        county = make_county(args.bodies, args.per_body, YEAR)
        states = set_report_states(county, YEAR)
        analyse()
        print(
            f"{args.bodies} bodies × {args.per_body} applications;",
            ", ".join(f"{s} {n}" for s, n in states.items()),
        )
        today = date(YEAR + 1, 2, 10)
        government = county.government
        supervisor = user_create(username="bench-supervisor", password="bench-password-1")
        membership_grant(user=supervisor, agency=government, role=Membership.Role.SUPERVISOR)
        client = Client()
        client.force_login(supervisor)
        page = reverse("reports:annual_dashboard", args=[government.code]) + f"?year={YEAR}"
        export = reverse("reports:annual_dashboard_export", args=[government.code]) + f"?year={YEAR}"

        def get(url: str) -> None:
            response = client.get(url)
            assert response.status_code == 200, response.status_code

        ok = True
        ok &= report(
            "region_dashboard (selector)",
            [p95(lambda: region_dashboard(government, YEAR, today)) for _ in range(args.runs)],
            LIMIT,
            "ms",
        )
        ok &= report("dashboard page", [p95(lambda: get(page)) for _ in range(args.runs)], LIMIT, "ms")
        report(
            "dashboard XLSX export (no target)",
            [p95(lambda: get(export)) for _ in range(args.runs)],
            10 * LIMIT,
            "ms",
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
