"""The workbench queue of a body with 100,000 applications: target ≤ 200 ms per page, p95 of warm
requests, on pages 1, 50 and the last.

    .venv/bin/python benchmarks/bench_queue.py                                  # SQLite
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/bench_queue.py
    .venv/bin/python benchmarks/bench_queue.py --url '/staff/agencies/{code}/applications/?page={page}'

With --url (or when one of the usual paths resolves) the staff page is requested through Django's
test client as a logged-in staff member of the body; the selector
`gongkai.applications.selectors.applications_queue` is always measured too (rendering the page's
rows included, so the page's own queries are what is timed).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

from common import N_APPLICATIONS, database_label, fill_applications, make_agency, throwaway_database

WARM_REQUESTS = 20
LIMIT_MS = 200.0
CANDIDATE_URLS = (
    "/staff/agencies/{code}/applications/?page={page}",  # the workbench queue (gongkai.workbench.urls)
    "/staff/agency/{code}/queue?page={page}",
    "/staff/agency/{code}/queue/?page={page}",
    "/staff/{code}/queue/?page={page}",
    "/staff/queue/{code}/?page={page}",
    "/staff/queue/?agency={code}&page={page}",
)


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def measure(name: str, fetch: Callable[[int], object], pages: list[int]) -> bool:
    ok = True
    for page in pages:
        fetch(page)  # warm: caches, prepared statements, templates
        samples = []
        for _ in range(WARM_REQUESTS):
            start = time.perf_counter()
            fetch(page)
            samples.append((time.perf_counter() - start) * 1000)
        value = p95(samples)
        ok &= value <= LIMIT_MS
        print(
            f"{name} page {page} [{database_label()}]: p95 {value:.1f} ms, median {statistics.median(samples):.1f} ms "
            f"over {WARM_REQUESTS} warm requests; target ≤ {LIMIT_MS:g} ms: {'OK' if value <= LIMIT_MS else 'TOO SLOW'}"
        )
    return ok


def find_url(code: str, template: str | None) -> str | None:
    from django.urls import Resolver404, resolve

    for candidate in (template,) if template else CANDIDATE_URLS:
        try:
            resolve(candidate.format(code=code, page=1).split("?")[0])
        except Resolver404:
            continue
        return candidate
    return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", help="the queue page, with {code} and {page}")
    args = parser.parse_args()
    with throwaway_database():
        from django.test import Client

        from gongkai.agencies.models import Membership
        from gongkai.agencies.services import membership_grant, user_create
        from gongkai.applications.selectors import applications_queue

        agency = make_agency("BENCH")
        fill_applications(agency, N_APPLICATIONS)
        template = find_url(agency.code, args.url)
        client = Client()
        if template is not None:
            user = user_create(username="bench", password="bench-password")
            membership_grant(user=user, agency=agency, role=Membership.Role.STAFF)
            client.force_login(user)
        ok = True
        # The queue opens on the open applications (about 5% here); "全部" lists all 100,000.
        for listing, status, query in (("open", "open", ""), ("all", None, "&status=all")):
            first = applications_queue([agency], status=status, page=1)
            pages = [1, 50, first.paginator.num_pages]
            print(
                f"{listing}: {first.paginator.count} applications, {first.paginator.per_page} per page, "
                f"{first.paginator.num_pages} pages"
            )

            def selector_page(page: int, status: str | None = status) -> object:
                return [
                    (a.number, a.due_date, a.agency.name)
                    for a in applications_queue([agency], status=status, page=page)
                ]

            ok &= measure(f"selector applications_queue ({listing})", selector_page, pages)
            if template is None:
                continue

            def page_request(page: int, query: str = query) -> object:
                assert template is not None
                response = client.get(template.format(code=agency.code, page=page) + query)
                assert response.status_code == 200, response.status_code
                return response.content

            ok &= measure(f"page {template}{query} ({listing})", page_request, pages)
        if template is None:
            print("the staff queue page was not found (give --url); only the selector was measured")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
