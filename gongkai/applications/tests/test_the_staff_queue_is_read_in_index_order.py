"""A body's queue holds up to 100,000 applications: no query of a queue page may sort them, whatever
the status, deadline state or channel filter; each part of the queue comes from an index in order
(`application_open_queue`, `application_queue`, `application_channel`). Checked on the plans of the
queries one page makes, on SQLite and on PostgreSQL (where sorting and whole-table scans are priced
out, so that a missing index shows as a Sort even on a tiny table). A year filter and a search read
only their matches' rows, and may sort those."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.db import connection

from gongkai.agencies.models import Agency
from gongkai.applications.models import Channel, Status
from gongkai.applications.selectors import applications_queue
from gongkai.applications.tests.factories import Cast, make_cast, register

pytestmark = pytest.mark.django_db

TODAY = date(2025, 4, 1)


def plans_of_a_page(agency: Agency, page: int, **filters: Any) -> list[str]:
    """The plan of every SELECT that one queue page runs."""
    queries: list[tuple[str, Any]] = []

    def record(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        queries.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        list(applications_queue([agency], **filters, today=TODAY, per_page=2, page=page))
    plans = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("SET LOCAL enable_seqscan = off")
        explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
        for sql, params in queries:
            if sql.startswith("SELECT"):
                cursor.execute(explain + sql, params)
                plans.append("\n".join(str(row[-1]) for row in cursor.fetchall()))
    return plans


def sorts(plan: str) -> bool:
    if connection.vendor == "sqlite":
        return "USE TEMP B-TREE" in plan or "SCAN applications_application" in plan
    return "Sort" in plan or "Seq Scan on applications_application" in plan


@pytest.fixture
def cast() -> Cast:
    cast = make_cast()
    for day in (3, 4, 5, 6, 7, 10, 11):
        register(cast, date(2025, 3, day))
    register(cast, date(2025, 3, 12), channel="letter", letter_kind="registered")
    register(cast, None, channel="online")
    return cast


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"status": "open"},
        *({"status": status} for status in Status.values),
        {"state": "overdue"},
        {"state": "due_soon"},
        {"state": "ok"},
        {"channel": Channel.LETTER},
        {"status": "open", "channel": Channel.IN_PERSON},
        {"state": "overdue", "channel": Channel.IN_PERSON},
    ],
    ids=lambda f: "&".join(f"{k}={v}" for k, v in f.items()) or "all",
)
def test_no_query_of_a_queue_page_sorts_or_scans_the_table(cast: Cast, filters: dict[str, Any]) -> None:
    for page in (1, 2, 5):  # the first pages read forwards, the last ones backwards
        plans = plans_of_a_page(cast.agency, page, **filters)
        assert plans
        assert [plan for plan in plans if sorts(plan)] == []
