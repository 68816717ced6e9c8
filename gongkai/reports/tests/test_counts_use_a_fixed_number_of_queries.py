from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.appeals.models import Outcome
from gongkai.appeals.tests.factories import make_agency, make_application, make_case
from gongkai.reports.counts import yearly_counts

pytestmark = pytest.mark.django_db


def _queries(agency, year: int) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as captured:
        yearly_counts(agency, year)
    return len(captured.captured_queries)


def test_counting_takes_the_same_few_grouped_queries_however_many_records_there_are() -> None:
    agency = make_agency()
    few = _queries(agency, 2024)
    for day in range(1, 29):
        make_application(agency, received_on=date(2024, 2, day), closed_on=date(2024, 3, day))
        make_application(agency, received_on=date(2024, 2, day))
        make_case(agency, filed_on=date(2024, 4, day), decisions=((date(2024, 5, day), Outcome.UPHELD),))
    assert _queries(agency, 2024) == few <= 3
