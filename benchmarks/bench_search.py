"""The search of published items: import rate, query times per class, speed-up over LIKE, document page.

    .venv/bin/python benchmarks/gen_publications.py 100000 /tmp/gk-pubs-100000.jsonl
    .venv/bin/python benchmarks/bench_search.py --items 100000                         # SQLite
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/bench_search.py --items 100000
    nice -n 10 .venv/bin/python benchmarks/bench_search.py --items 1000000             # once, at the end
    DATABASE_URL=… .venv/bin/python benchmarks/bench_search.py --existing              # again, without importing

The items are imported with `gongkai publications import`'s own function into a throw-away database (the
rate is over the whole run: reading, checking, the guard, saving and indexing). The fixed query set
(data/search_queries.json: 100 queries in each class — one, two, four characters, document numbers — from
rare to very common) is run once to warm up, then `--runs` times; a query's time is the median of its
runs, of `search_publications` as the portal calls it (newest 20 with the total, the items and their
highlighted snippets). Per class: p50, p95 and max. For queries matching under 1% of the items (12 of
each class, or every one with --like-all), the same answer (newest 20 and the total) by a `LIKE '%…%'`
scan of the same table in the same run (the median of `--runs` runs; every scan first) against the
index's (the median of INDEX_RUNS runs, in turns over those queries), and the speed-up. Then the document page as an anonymous reader gets it (50 items, p50 and p95). Beside the
wall-clock times, the CPU time of this process (all of SQLite's work; PostgreSQL's server works apart):
on a shared machine the wall-clock figures carry the waits for a core.

Targets: at 100,000 items p95 ≤ 50 ms on both databases; at 1,000,000 p50 ≤ 20 ms and p95 ≤ 100 ms on
SQLite, p95 ≤ 300 ms on PostgreSQL; ≥ 50× faster than LIKE under 1%; import ≥ 2,000 items/s (SQLite),
≥ 1,000 (PostgreSQL); document page ≤ 30 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from common import database_label, throwaway_database

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "data" / "search_queries.json"
LIKE_SAMPLE = 12  # queries under 1% compared with LIKE, per class
INDEX_RUNS = 15  # runs of the index's answer to each of them (milliseconds each: cheap)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def server_cpu() -> float | None:
    """CPU seconds of this connection's PostgreSQL backend when the server runs on this machine (None on
    SQLite, which works inside this process, or when /proc does not show it)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def children_cpu() -> float:
    """CPU seconds of this process's finished child processes (the import's parsing process)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@contextmanager
def existing_database() -> Iterator[None]:
    """The configured database as it is (for --existing), with the test client's host allowed."""
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    try:
        yield
    finally:
        teardown_test_environment()


@contextmanager
def kept_database(name: str) -> Iterator[None]:
    """A new, migrated database of the configured kind named `name` (a file path on SQLite), kept."""
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = name
    setup_test_environment()
    try:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        yield
    finally:
        teardown_test_environment()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--file", help="JSON Lines to import (made with gen_publications.py when missing)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--skip-like",
        action="store_true",
        help="leave out the LIKE comparison (two scans of the table per query: minutes at 1,000,000 items)",
    )
    parser.add_argument(
        "--like-all",
        action="store_true",
        help=f"compare every query under 1%% of the items with LIKE, not {LIKE_SAMPLE} of each class",
    )
    parser.add_argument(
        "--keep",
        metavar="NAME",
        help="import into a new database of this name (SQLite: a file path) and keep it, to measure it "
        "again with --existing (DATABASE_URL=sqlite:///NAME or …/NAME)",
    )
    parser.add_argument(
        "--existing",
        action="store_true",
        help="measure the configured database as it is (no import), e.g. again",
    )
    args = parser.parse_args()
    path = Path(args.file or f"/tmp/gk-pubs-{args.items}.jsonl")
    if not path.exists() and not args.existing:
        subprocess.run(
            [sys.executable, str(HERE / "gen_publications.py"), str(args.items), str(path)], check=True
        )

    from django.db import connection

    database = (
        existing_database()
        if args.existing
        else kept_database(args.keep)
        if args.keep
        else throwaway_database()
    )
    with database:
        from gongkai.agencies.services import agency_add
        from gongkai.publications.importer import import_publications
        from gongkai.search.models import SearchDoc

        label = database_label()
        if args.existing:
            return 0 if measure(args, SearchDoc.objects.count(), label) else 1
        agency = agency_add(code="BENCH", name="基准测试机关")
        server = server_cpu()
        started, cpu, parser = time.perf_counter(), time.process_time(), children_cpu()
        load_start = os.getloadavg()[0]
        result = import_publications(agency=agency, path=path)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        parser = children_cpu() - parser  # the import's parsing process
        server = (server_cpu() or 0.0) - server if server is not None else None
        rate = result.imported / seconds
        ok = True
        import_target = 2000 if connection.vendor == "sqlite" else 1000
        both = (
            f"; with the database server's {server:.1f} s: {result.imported / (cpu + parser + server):.0f} items per CPU second"
            if server is not None
            else ""
        )
        print(f"[{label}] import: {result.imported} items in {seconds:.1f} s = {rate:.0f} items/s "
              f"(this process's CPU {cpu:.1f} s, its parsing process's {parser:.1f} s: {result.imported / (cpu + parser):.0f} "
              f"items per CPU second{both}; load average {load_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end) "
              f"(rejected {result.rejected}); target ≥ {import_target}: {'OK' if rate >= import_target else 'TOO SLOW'}")  # fmt: skip
        ok &= rate >= import_target
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("VACUUM ANALYZE search_searchdoc")
                cursor.execute("VACUUM ANALYZE publications_publication")
            else:
                cursor.execute("ANALYZE")

        return 0 if measure(args, result.imported, label) and ok else 1


def like_scan(q: str, runs: int) -> tuple[float, float, int]:
    """The newest 20 and the total of a query by `LIKE '%…%'` over the same rows: the median time of
    `runs` runs (the first reads the table into the caches like the search's warm-up) as a paginator
    asks (a page, then the count: two scans), the median time of one scan that gives both (the count as
    a window over the rows it keeps), and the total."""
    from django.db import connection

    from gongkai.search.text import split_terms

    terms = split_terms(q)
    where = " AND ".join(
        "(title LIKE %s OR doc_number LIKE %s OR body LIKE %s OR attachments LIKE %s)" for _ in terms
    )
    params = [f"%{t}%" for t in terms for _ in range(4)]
    times, one_scan, total = [], [], 0
    for _ in range(max(1, runs)):
        t = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT publication_id FROM search_searchdoc WHERE {where} ORDER BY published_on DESC, index_number DESC LIMIT 20",
                params,
            )
            cursor.fetchall()
            cursor.execute(f"SELECT count(*) FROM search_searchdoc WHERE {where}", params)
            total = cursor.fetchone()[0]
        times.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT publication_id, count(*) OVER () FROM search_searchdoc WHERE {where} "
                "ORDER BY published_on DESC, index_number DESC LIMIT 20",
                params,
            )
            rows = cursor.fetchall()
        one_scan.append((time.perf_counter() - t) * 1000)
        assert (rows[0][1] if rows else 0) == total, (q, rows[:1], total)
    return statistics.median(times), statistics.median(one_scan), total


def measure(args: argparse.Namespace, n: int, label: str) -> bool:
    """The queries, LIKE and the document page over the `n` items in the database."""
    from django.db import connection
    from django.test import Client

    from gongkai.publications.models import Publication
    from gongkai.search import engine
    from gongkai.search.selectors import search_publications

    ok = True
    queries = json.loads(QUERIES.read_text(encoding="utf-8"))["classes"]
    for items in queries.values():  # warm up
        for item in items:
            search_publications(item["q"])
    p50_target, p95_target = (
        (None, 50.0) if n <= 200_000 else ((20.0, 100.0) if connection.vendor == "sqlite" else (None, 300.0))
    )
    rare: dict[str, list[tuple[str, float, int]]] = {}
    for name, items in queries.items():
        times, totals, cpus = [], [], []
        server_start = server_cpu()
        for item in items:
            runs, cpu_runs = [], []
            for _ in range(args.runs):
                t, c = time.perf_counter(), time.process_time()
                page = search_publications(item["q"])
                runs.append((time.perf_counter() - t) * 1000)
                cpu_runs.append((time.process_time() - c) * 1000)
            times.append(statistics.median(runs))
            cpus.append(statistics.median(cpu_runs))
            totals.append(page.total if page.total_is_exact else n)
            if page.total_is_exact and page.total < 0.01 * n:
                rare.setdefault(name, []).append((item["q"], statistics.median(runs), page.total))
        server_ms = (
            f", the server's mean {((server_cpu() or 0.0) - server_start) * 1000 / (len(items) * args.runs):.1f} ms"
            if server_start is not None
            else ""
        )
        p50, p95, worst = percentile(times, 0.5), percentile(times, 0.95), max(times)
        met = p95 <= p95_target and (p50_target is None or p50 <= p50_target)
        ok &= met
        print(f"[{label}] {name:11} n={n}: p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  max {worst:6.1f} ms  "
              f"(hits: median {int(statistics.median(totals))}, max {max(totals)}; this process's CPU p50 "
              f"{percentile(cpus, 0.5):.1f} ms, p95 {percentile(cpus, 0.95):.1f} ms{server_ms}) "
              f"target p95 ≤ {p95_target:g}{f', p50 ≤ {p50_target:g}' if p50_target else ''}: {'OK' if met else 'TOO SLOW'}")  # fmt: skip

    # The same answers by LIKE over the same rows: newest 20 and the total. Every scan first, then the
    # index's answers: a scan of the whole table leaves this connection's server process slow for the
    # next few milliseconds of work (a search of 700 hits took 2.4–3.0 ms in its first runs right after a
    # scan, 1.3–1.8 ms once settled; sleeping a second in between does not help, a new connection does),
    # so an index time taken right after its query's scan measured the scan's aftermath as much as the
    # index.
    rng = random.Random(5)
    picked = [
        (name, q, search_ms, total)
        for name, found in ({} if args.skip_like else rare).items()
        for q, search_ms, total in (
            found if args.like_all else rng.sample(found, min(LIKE_SAMPLE, len(found)))
        )
    ]
    scans = {}
    for _, q, _, total in picked:
        like_ms, one_scan_ms, like_total = like_scan(q, args.runs)
        assert like_total == total, (q, like_total, total)
        scans[q] = (like_ms, one_scan_ms)
    # The index's answer to the same question (newest 20 ids and the total), without the page's items
    # and snippets, which the LIKE scan does not make either: each query INDEX_RUNS times, in turns over
    # all of them (one untimed turn first), the median. A search of a few milliseconds on a shared
    # machine now and then takes twice as long, and the median of three runs caught that in one to six
    # queries of 221 a pass; the turns keep a query's runs from warming the caches for one another.
    engine_runs: dict[str, list[float]] = {q: [] for _, q, _, _ in picked}
    for turn in range(INDEX_RUNS + 1):
        for q in engine_runs:
            t = time.perf_counter()
            engine.search(q)
            if turn:
                engine_runs[q].append((time.perf_counter() - t) * 1000)
    ratios = []
    for name, q, search_ms, _ in picked:
        engine_ms = statistics.median(engine_runs[q])
        like_ms, one_scan_ms = scans[q]
        ratios.append(
            (
                like_ms / engine_ms,
                name,
                q,
                like_ms,
                engine_ms,
                like_ms / search_ms,
                one_scan_ms / engine_ms,
            )
        )
    ratios.sort()
    if ratios:
        worst = ratios[0]
        below = sum(r[0] < 50 for r in ratios)
        print(f"[{label}] LIKE vs the index, {len(ratios)} queries under 1% of the items{' (every one)' if args.like_all else ''} "
              f"(newest 20 ids and the total both ways, the median of {args.runs} LIKE runs and of {INDEX_RUNS} index runs): speed-up min {worst[0]:.0f}× "
              f"({worst[1]} {worst[2]!r}: LIKE {worst[3]:.0f} ms, index {worst[4]:.1f} ms), 5th percentile "
              f"{percentile([r[0] for r in ratios], 0.05):.0f}×, median {statistics.median(r[0] for r in ratios):.0f}×, "
              f"{below} below 50×; over the whole search with the page's items and snippets min "
              f"{min(r[5] for r in ratios):.0f}×, median {statistics.median(r[5] for r in ratios):.0f}×; "
              f"target ≥ 50×: {'OK' if worst[0] >= 50 else 'TOO SLOW'}")  # fmt: skip
        single = sorted(r[6] for r in ratios)
        print(f"[{label}] against one LIKE scan giving both (the count as a window): min {single[0]:.0f}×, 5th percentile "
              f"{percentile(single, 0.05):.0f}×, median {statistics.median(single):.0f}×, {sum(x < 50 for x in single)} below 50×")  # fmt: skip
        for r in ratios[: min(5, below)]:
            print(
                f"[{label}]   below 50×: {r[1]} {r[2]!r}: LIKE {r[3]:.0f} ms, index {r[4]:.1f} ms = {r[0]:.0f}×"
            )
        ok &= worst[0] >= 50

    # The document page, as an anonymous reader opens it.
    client = Client()
    ids = list(Publication.objects.values_list("pk", flat=True)[:: max(1, n // 200)])
    picked = [
        Publication.objects.select_related("agency").get(pk=pk)
        for pk in random.Random(2).sample(ids, min(50, len(ids)))
    ]
    urls = [p.get_absolute_url() for p in picked]
    for url in urls:
        assert client.get(url).status_code == 200, url
    page_times = []
    for url in urls:
        runs = []
        for _ in range(args.runs):
            t = time.perf_counter()
            client.get(url)
            runs.append((time.perf_counter() - t) * 1000)
        page_times.append(statistics.median(runs))
    p50, p95 = percentile(page_times, 0.5), percentile(page_times, 0.95)
    print(
        f"[{label}] document page: p50 {p50:.1f} ms  p95 {p95:.1f} ms; target ≤ 30 ms: {'OK' if p95 <= 30 else 'TOO SLOW'}"
    )
    ok &= p95 <= 30
    return ok


if __name__ == "__main__":
    sys.exit(main())
