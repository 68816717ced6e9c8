"""The staff queue is read in parts (open and closed, with and without a due date), each from its
index, and the last pages backwards: whatever the filter and the page size, its pages put together
are the body's matching applications in one order — open first by due date (none last), then
closed, ties by id — each exactly once, and the count is theirs."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest

from gongkai.agencies.models import Agency
from gongkai.applications.deadlines import deadline_state
from gongkai.applications.models import Application, Channel, Source, Status
from gongkai.applications.selectors import applications_queue
from gongkai.applications.tests.factories import make_agency
from gongkai.search.application_index import index_applications

pytestmark = pytest.mark.django_db

TODAY = date(2025, 4, 1)
# Open statuses whose clock does not run keep no due date (deadlines.compute_deadline).
UNDATED_STATUSES = [
    Status.PENDING_RECEIPT,
    Status.AWAITING_CORRECTION,
    Status.CONSULTING,
    Status.AWAITING_PAYMENT,
]


def fill(agency: Agency, n: int, seed: int) -> None:
    """n applications of every kind: open with and without a due date, closed with and without one
    (an application closed while its clock was paused keeps none), many sharing a due date."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        received = TODAY - timedelta(days=rng.randrange(500))
        kind = rng.choice(["dated", "undated", "closed", "closed_undated"])
        status = {
            "dated": Status.IN_PROGRESS,
            "undated": rng.choice(UNDATED_STATUSES),
            "closed": Status.CLOSED,
            "closed_undated": Status.CLOSED,
        }[kind]
        due = (
            None if kind in ("undated", "closed_undated") else TODAY + timedelta(days=rng.randrange(-20, 20))
        )
        rows.append(
            Application(
                agency=agency,
                number=f"{received.year}-{i:04d}",
                source=Source.IMPORT,
                applicant_type="natural_person",
                applicant_name=rng.choice(["王五", "赵六", "宁波甬江建设有限公司"]),
                description=rng.choice(["轨道交通规划环评", "重点建设项目计划", "预算执行情况"]),
                channel=rng.choice(Channel.values),
                received_on=received,
                status=status,
                due_date=due,
                closed_on=received + timedelta(days=10) if status == Status.CLOSED else None,
                # The applicant has acted (an online application, a correction submitted): staff first.
                awaiting_staff=kind == "undated"
                and status in (Status.PENDING_RECEIPT, Status.AWAITING_CORRECTION),
            )
        )
    Application.objects.bulk_create(rows)
    index_applications(a.pk for a in rows)  # as the register import does after its bulk write


@pytest.fixture
def agency() -> Agency:
    body = make_agency("NB-FGW", "宁波市发展和改革委员会")
    fill(body, 60, seed=1)
    fill(make_agency("NB-JYJ", "宁波市教育局"), 30, seed=2)  # never listed with the first body
    parts = {(a.is_open, a.due_date is None) for a in Application.objects.filter(agency=body)}
    assert len(parts) == 4  # every part of the queue holds some
    return body


def expected(agency: Agency, filters: dict[str, object]) -> list[int]:
    """The queue as a plain sort of the body's applications that match, written independently."""

    def matches(a: Application) -> bool:
        q = filters.get("q")
        status = filters.get("status")
        state = filters.get("state")
        return (
            (not q or any(str(q) in text for text in (a.number, a.applicant_name, a.description)))
            and (status is None or (a.is_open if status == "open" else a.status == status))
            and (state is None or (a.is_open and deadline_state(a.due_date, TODAY) == state))
            and ("channel" not in filters or a.channel == filters["channel"])
            and (
                "year" not in filters or (a.received_on is not None and a.received_on.year == filters["year"])
            )
        )

    rows = [a for a in Application.objects.filter(agency=agency) if matches(a)]
    rows.sort(
        key=lambda a: (not a.is_open, not a.awaiting_staff, a.due_date is None, a.due_date or date.min, a.pk)
    )
    return [a.pk for a in rows]


FILTERS: list[dict[str, Any]] = [
    {},
    {"status": "open"},
    *({"status": status} for status in Status.values),
    {"state": "overdue"},
    {"state": "due_soon"},
    {"state": "ok"},
    {"state": "overdue", "status": Status.IN_PROGRESS},
    {"state": "overdue", "status": Status.CLOSED},  # nothing: a closed application is never overdue
    {"channel": Channel.LETTER},
    {"status": "open", "channel": Channel.ONLINE},
    {"year": 2024},
    {"status": "open", "year": 2025, "channel": Channel.IN_PERSON},
    {"q": "轨道交通"},
    {"q": "王五", "status": "open"},
    {"q": "2024-", "state": "ok"},
]


@pytest.mark.parametrize(
    "filters", FILTERS, ids=lambda f: "&".join(f"{k}={v}" for k, v in f.items()) or "all"
)
def test_the_pages_put_together_are_the_matching_applications_in_queue_order(
    agency: Agency, filters: dict[str, object]
) -> None:
    want = expected(agency, filters)
    assert want or filters.get("status") == Status.CLOSED  # otherwise the fixture proves little
    for per_page in (1, 4, 7, 50):
        first = applications_queue([agency], **filters, today=TODAY, per_page=per_page)  # type: ignore[arg-type]
        got = [
            application.pk
            for number in first.paginator.page_range
            for application in applications_queue(
                [agency],
                **filters,  # type: ignore[arg-type]
                today=TODAY,
                per_page=per_page,
                page=number,
            )
        ]
        assert (first.paginator.count, got) == (len(want), want), per_page


def test_a_page_past_the_end_is_the_last_page(agency: Agency) -> None:
    last = applications_queue([agency], per_page=7, page=999)
    assert last.number == last.paginator.num_pages
    assert [a.pk for a in last] == expected(agency, {})[(last.number - 1) * 7 :]
