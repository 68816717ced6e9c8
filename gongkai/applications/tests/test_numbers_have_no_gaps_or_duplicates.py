"""受理编号: one sequence per body and year, "2025-0001", without gaps or duplicates, even when
applications arrive at the same moment; imported numbers stay outside it."""

from __future__ import annotations

import threading
import typing
from datetime import date

import pytest
from django.db import connection, connections, transaction

from gongkai.applications.models import Application, ApplicationCounter, Source
from gongkai.applications.tests.factories import Cast, make_agency, make_cast, make_user, register

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    pass


def test_numbers_run_per_body_and_year_with_four_digits_at_least() -> None:
    cast = make_cast()
    first = register(cast, date(2024, 12, 31))
    second = register(cast, date(2025, 1, 2))
    third = register(cast, date(2025, 1, 3))
    other_body = make_agency("NB-CZJ", "宁波市财政局")
    other_cast = Cast(
        other_body, make_user("sun", other_body, "staff"), cast.head, cast.outsider, cast.supervisor
    )
    elsewhere = register(other_cast, date(2025, 1, 3))
    assert [first.number, second.number, third.number] == ["2024-0001", "2025-0001", "2025-0002"]
    assert (third.sequence_year, third.sequence) == (2025, 2)
    assert elsewhere.number == "2025-0001"


def test_a_registration_that_is_rolled_back_gives_its_number_back() -> None:
    cast = make_cast()
    register(cast, date(2025, 3, 3))
    with pytest.raises(Rollback), transaction.atomic():
        register(cast, date(2025, 3, 3))
        raise Rollback
    assert register(cast, date(2025, 3, 3)).number == "2025-0002"


def test_a_number_held_by_an_imported_application_is_passed_over() -> None:
    cast = make_cast()
    Application.objects.create(
        agency=cast.agency,
        number="2025-0001",
        source=Source.IMPORT,
        applicant_type="natural_person",
        description="台账导入",
        channel="letter",
        received_on=date(2025, 1, 6),
    )
    application = register(cast, date(2025, 3, 3))
    assert application.number == "2025-0002"
    assert application.sequence == 2


@pytest.mark.django_db(transaction=True)
def test_applications_registered_in_separate_transactions_are_numbered_without_gaps() -> None:
    cast = make_cast()
    for _ in range(12):
        register(cast, date(2025, 3, 3))
    sequences = sorted(typing.cast("list[int]", list(Application.objects.values_list("sequence", flat=True))))
    assert sequences == list(range(1, 13))
    assert ApplicationCounter.objects.get(agency=cast.agency, year=2025).last == 12


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite's in-memory test database is one connection"
)
@pytest.mark.django_db(transaction=True)
def test_applications_registered_at_the_same_moment_get_distinct_consecutive_numbers() -> None:
    cast = make_cast()
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def register_three() -> None:
        try:
            start.wait()
            for _ in range(3):
                register(cast, date(2025, 3, 3))
        except BaseException as error:  # reported below: a thread's failure must fail the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register_three) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = list(Application.objects.values_list("number", flat=True))
    assert len(numbers) == len(set(numbers)) == 18
    assert sorted(
        typing.cast("list[int]", list(Application.objects.values_list("sequence", flat=True)))
    ) == list(range(1, 19))
