"""The workbench queue of a body with 100,000 applications: target ≤ 200 ms per page, p95 of warm
requests, on pages 1, 50 and the last, for every filter the queue offers.

    .venv/bin/python benchmarks/bench_queue.py                     # SQLite
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/bench_queue.py
    .venv/bin/python benchmarks/bench_queue.py --runs 1 --only all  # one round, the listings named "all…"
    .venv/bin/python benchmarks/bench_queue.py --selector          # the selector alone as well

Two bodies: BENCH with 100,000 applications received over the seven years up to today (about 4% still
open, in every open status), and ALLOPEN with 100,000 applications that are all open (the worst case of
the default listing, and the other body's rows that every query has to leave out). The staff page
/staff/agencies/{code}/applications/?…&page=N is requested through Django's test client as a staff
member of both bodies (the whole response: session, role check, selector, template). Each listing is
measured in `--runs` rounds; a round takes the p95 of 20 warm requests per page, and the figure shown
is the median of the rounds.

On PostgreSQL the table is vacuumed and analysed after filling, as autovacuum does after that many
inserts (so index-only scans see an up-to-date visibility map); SQLite is left as it is (no ANALYZE).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from common import N_APPLICATIONS, database_label, make_agency, throwaway_database

WARM_REQUESTS = 20
LIMIT_MS = 200.0
YEARS = 7
# The open statuses, with the share of the open applications in each; only in_progress has a due
# date (the clock waits for receipt, or is paused by a correction, a consultation or a fee).
OPEN_MIX = {
    "in_progress": 75,
    "pending_receipt": 5,
    "awaiting_correction": 8,
    "consulting": 7,
    "awaiting_payment": 5,
}
CHANNELS = ["online", "letter", "in_person", "fax", "other"]


@dataclass(frozen=True)
class Listing:
    name: str
    code: str  # the body
    query: str  # the filters, as the queue's form sends them
    # False for a search that matches every application: a LIKE reads and sorts them all; shown, but
    # not held to the target (a full-text index is another issue's job).
    target: bool = True


def listings(today: date, numbers: tuple[str, str]) -> list[Listing]:
    """Every filter the queue offers, alone, and a few combined. `numbers`: an open application's
    number and a closed one's, to search for."""
    year = today.year - 1
    b, o = "BENCH", "ALLOPEN"
    return [
        Listing("open (default)", b, ""),
        Listing("all", b, "status=all"),
        *(Listing(f"status={s}", b, f"status={s}") for s in [*OPEN_MIX, "closed"]),
        *(Listing(f"state={s}", b, f"state={s}") for s in ("overdue", "due_soon", "ok")),
        Listing("channel=online", b, "channel=online"),
        Listing("all, channel=online", b, "status=all&channel=online"),
        Listing(f"year={year}", b, f"year={year}"),
        Listing(f"all, year={year}", b, f"status=all&year={year}"),
        Listing("all, letter, year", b, f"status=all&channel=letter&year={year}"),
        Listing("overdue, online", b, "state=overdue&channel=online"),
        Listing("search number", b, f"q={numbers[0]}"),
        Listing("all, search number", b, f"status=all&q={numbers[1]}"),
        Listing("all, search name", b, "status=all&q=申请人0042"),
        Listing("all, search text (one)", b, "status=all&q=第4242号"),
        Listing(f"all, search text ({year}, many)", b, f"status=all&q={year}年某项目"),
        Listing("all, search text (every one)", b, "status=all&q=批准文件", target=False),
        Listing("ALLOPEN open (default)", o, ""),
        Listing("ALLOPEN all", o, "status=all"),
        Listing("ALLOPEN status=in_progress", o, "status=in_progress"),
        Listing("ALLOPEN state=overdue", o, "state=overdue"),
        Listing("ALLOPEN state=ok", o, "state=ok"),
        Listing("ALLOPEN channel=fax", o, "channel=fax"),
    ]


def fill(agency, n: int, today: date, *, all_open: bool, seed: int) -> None:  # type: ignore[no-untyped-def]
    """n applications of the body, written in bulk (the benchmark measures reading them). Receipts
    spread over the last seven years; most are closed within 45 days, those of the last 60 days are
    mostly open, and 2% of older ones are still open (overdue) — or, with `all_open`, every one is
    open, received in the last two years."""
    from gongkai.applications.models import Application, Source, Status
    from gongkai.search.application_index import index_applications

    rng = random.Random(seed)
    statuses, weights = zip(*OPEN_MIX.items(), strict=True)
    batch: list[Application] = []
    for i in range(n):
        received = today - timedelta(days=rng.randrange(730 if all_open else YEARS * 365))
        recent = (today - received).days < 60
        is_open = all_open or rng.random() < (0.9 if recent else 0.02)
        status = rng.choices(statuses, weights)[0] if is_open else Status.CLOSED
        batch.append(
            Application(
                agency=agency,
                number=f"{received.year}-{i:06d}",
                source=Source.IMPORT,
                applicant_type="natural_person",
                applicant_name=f"申请人{i % 5000:04d}",
                description=f"申请公开{received.year}年某项目的批准文件及相关材料（第{i}号）",
                channel=rng.choice(CHANNELS),
                received_on=None if status == Status.PENDING_RECEIPT else received,
                status=status,
                due_date=received + timedelta(days=28)
                if status in (Status.IN_PROGRESS, Status.CLOSED)
                else None,
                closed_on=None if is_open else received + timedelta(days=rng.randrange(1, 45)),
                result="" if is_open else "disclosed",
            )
        )
        if len(batch) == 5000:
            Application.objects.bulk_create(batch)
            index_applications(a.pk for a in batch)
            batch = []
    Application.objects.bulk_create(batch)
    index_applications(a.pk for a in batch)


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def warm_p95(fetch: Callable[[], object]) -> float:
    fetch()  # warm: caches, prepared statements, templates
    samples = []
    for _ in range(WARM_REQUESTS):
        start = time.perf_counter()
        fetch()
        samples.append((time.perf_counter() - start) * 1000)
    return p95(samples)


@dataclass(frozen=True)
class Plan:
    listing: Listing
    agency: object
    filters: dict[str, object]
    pages: list[int]
    count: int


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3, help="rounds of measurement (the median is shown)")
    parser.add_argument("--only", help="only the listings whose name starts with this")
    parser.add_argument("--selector", action="store_true", help="also time the selector alone")
    args = parser.parse_args()
    with throwaway_database():
        from django.db import connection
        from django.http import QueryDict
        from django.test import Client
        from django.urls import reverse
        from django.utils import timezone

        from gongkai.agencies.models import Membership
        from gongkai.agencies.services import membership_grant, user_create
        from gongkai.applications.models import Application, Status
        from gongkai.applications.selectors import applications_queue
        from gongkai.workbench.forms import QueueFilterForm

        today = timezone.localdate()
        user = user_create(username="bench", password="bench-password")
        started = time.perf_counter()
        agencies = {}
        for code, all_open in (("BENCH", False), ("ALLOPEN", True)):
            agencies[code] = make_agency(code)
            membership_grant(user=user, agency=agencies[code], role=Membership.Role.STAFF)
            fill(agencies[code], N_APPLICATIONS, today, all_open=all_open, seed=len(code))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE applications_application")
        print(f"filled 2 × {N_APPLICATIONS} applications in {time.perf_counter() - started:.0f} s")
        bench = Application.objects.filter(agency=agencies["BENCH"]).order_by("id")
        numbers = (
            bench.exclude(status=Status.CLOSED)[100].number,
            bench.filter(status=Status.CLOSED)[N_APPLICATIONS // 2].number,
        )
        plans = []
        for listing in listings(today, numbers):
            if args.only and not listing.name.startswith(args.only):
                continue
            filters = QueueFilterForm(QueryDict(listing.query)).filters()
            first = applications_queue([agencies[listing.code]], **filters, today=today)
            last = first.paginator.num_pages
            pages = sorted({1, min(50, last), last})
            plans.append(Plan(listing, agencies[listing.code], filters, pages, first.paginator.count))

        client = Client()
        client.force_login(user)
        figures: dict[tuple[str, str, int], list[float]] = {}
        for run in range(args.runs):
            print(f"round {run + 1} of {args.runs}…", file=sys.stderr)
            for plan in plans:
                url = reverse("workbench:queue", args=[plan.listing.code]) + f"?{plan.listing.query}&page="
                for page in plan.pages:

                    def request(page: int = page, url: str = url) -> object:
                        response = client.get(f"{url}{page}")
                        assert response.status_code == 200, response.status_code
                        return response.content

                    def select(page: int = page, plan: Plan = plan) -> object:
                        found = applications_queue([plan.agency], **plan.filters, today=today, page=page)  # type: ignore[list-item]
                        return [(a.number, a.due_date, a.agency.name) for a in found]

                    figures.setdefault((plan.listing.name, "page", page), []).append(warm_p95(request))
                    if args.selector:
                        figures.setdefault((plan.listing.name, "selector", page), []).append(warm_p95(select))

        print(
            f"p95 of {WARM_REQUESTS} warm requests per page, median of {args.runs} rounds [{database_label()}]"
        )
        ok = True
        for plan in plans:
            for what in ("page", "selector") if args.selector else ("page",):
                values = [statistics.median(figures[(plan.listing.name, what, page)]) for page in plan.pages]
                met = max(values) <= LIMIT_MS
                verdict = "OK" if met else "TOO SLOW" if plan.listing.target else "over (no target)"
                ok &= met or not plan.listing.target
                print(
                    f"{plan.listing.name:<30} {what:<8} {plan.count:>7} rows, pages "
                    f"{' / '.join(map(str, plan.pages))}: {' / '.join(f'{v:.0f}' for v in values)} ms  {verdict}"
                )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
