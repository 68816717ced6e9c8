"""Shared set-up for the benchmarks: Django, a throw-away database, generated records, timing.

Each benchmark creates its own database (SQLite file in the data folder by default; PostgreSQL when
DATABASE_URL says so), fills it, measures, and drops it again. Nothing touches the real database.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402

N_APPLICATIONS = 100_000
RESULT_WEIGHTS = {  # roughly the mix of the seed reports: mostly disclosed, not held, or not processed
    "disclosed": 40,
    "partially_disclosed": 8,
    "withheld_third_party": 2,
    "withheld_process_info": 2,
    "withheld_internal_affairs": 1,
    "unavailable_not_held": 25,
    "unavailable_needs_creation": 3,
    "not_processed_petition": 6,
    "not_processed_duplicate": 4,
    "other_no_correction": 3,
    "other_other": 6,
}
TYPE_WEIGHTS = {
    "natural_person": 85,
    "commercial_enterprise": 8,
    "research_institution": 1,
    "public_interest_org": 1,
    "legal_service_org": 3,
    "other_org": 2,
}
CHANNELS = ["online", "letter", "in_person", "fax", "other"]


def database_label() -> str:
    vendor = connection.vendor
    return "PostgreSQL" if vendor == "postgresql" else "SQLite"


@contextmanager
def throwaway_database() -> Iterator[None]:
    """A fresh, migrated database of the configured kind, dropped on exit."""
    db = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        path = Path(settings.DATA_DIR) / f"bench-{os.getpid()}.sqlite3"
        db.setdefault("TEST", {})["NAME"] = str(path)  # a file, as in production, not :memory:
    else:
        db.setdefault("TEST", {})["NAME"] = f"bench_{db['NAME']}"
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def make_agency(code: str):  # type: ignore[no-untyped-def]
    from gongkai.agencies.services import agency_add

    return agency_add(code=code, name=f"基准测试机关{code}")


def random_register_rows(
    n: int, seed: int = 1
) -> Iterator[tuple[str, str, date, str, str, date | None, str]]:
    """n register rows (number, applicant type, received, channel, description, closed, result):
    receipts spread over 2019–2025, about 5% still open."""
    rng = random.Random(seed)
    results, result_weights = zip(*RESULT_WEIGHTS.items(), strict=True)
    types, type_weights = zip(*TYPE_WEIGHTS.items(), strict=True)
    first, span = date(2019, 1, 1), (date(2025, 12, 31) - date(2019, 1, 1)).days
    for i in range(n):
        received = first + timedelta(days=rng.randrange(span))
        closed = None if rng.random() < 0.05 else received + timedelta(days=rng.randrange(1, 45))
        yield (
            f"B{received.year}-{i:06d}",
            rng.choices(types, type_weights)[0],
            received,
            rng.choice(CHANNELS),
            f"申请公开{received.year}年某项目的批准文件及相关材料（第{i}号）",
            closed,
            rng.choices(results, result_weights)[0] if closed else "",
        )


def fill_applications(agency, n: int = N_APPLICATIONS, seed: int = 1, *, index: bool = True) -> None:  # type: ignore[no-untyped-def]
    """n applications for the body, written directly (bulk) — the benchmarks measure reading them.
    `index=False` leaves the search index of the applications empty, for benchmarks that never search."""
    from gongkai.applications.models import Application, Source, Status
    from gongkai.search.application_index import index_applications

    batch: list[Application] = []
    for number, applicant_type, received, channel, description, closed, result in random_register_rows(
        n, seed
    ):
        batch.append(
            Application(
                agency=agency,
                number=number,
                source=Source.IMPORT,
                applicant_type=applicant_type,
                description=description,
                channel=channel,
                received_on=received,
                status=Status.CLOSED if closed else Status.IN_PROGRESS,
                closed_on=closed,
                result=result,
                due_date=received + timedelta(days=28),
            )
        )
        if len(batch) == 5000:
            Application.objects.bulk_create(batch)
            if index:
                index_applications(a.pk for a in batch)
            batch = []
    Application.objects.bulk_create(batch)
    if index:
        index_applications(a.pk for a in batch)


def timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def report(name: str, seconds: list[float], limit: float, unit: str = "s") -> bool:
    """Print the runs and their median against the target; True when the median meets it."""
    median = statistics.median(seconds)
    scale = 1000 if unit == "ms" else 1
    runs = ", ".join(f"{s * scale:.3f}" for s in seconds)
    ok = median <= limit
    print(
        f"{name} [{database_label()}]: median {median * scale:.3f} {unit} (runs: {runs}); target ≤ {limit * scale:g} {unit}: {'OK' if ok else 'TOO SLOW'}"
    )
    return ok
