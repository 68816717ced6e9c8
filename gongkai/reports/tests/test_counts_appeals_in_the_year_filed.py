from __future__ import annotations

from datetime import date

import pytest

from gongkai.appeals.models import CaseKind, Outcome
from gongkai.appeals.tests.factories import make_agency, make_case
from gongkai.reports.counts import yearly_counts

pytestmark = pytest.mark.django_db


def test_cases_count_in_their_row_and_outcome_column_in_the_year_they_were_filed() -> None:
    agency = make_agency()
    make_case(agency, filed_on=date(2024, 3, 1), decisions=((date(2024, 5, 1), Outcome.UPHELD),))
    make_case(agency, filed_on=date(2024, 4, 1), decisions=((date(2024, 6, 1), Outcome.CORRECTED),))
    make_case(agency, filed_on=date(2024, 7, 1), kind=CaseKind.LITIGATION_DIRECT)
    make_case(
        agency,
        filed_on=date(2024, 8, 1),
        kind=CaseKind.LITIGATION_AFTER_RECONSIDERATION,
        decisions=((date(2024, 9, 1), Outcome.OTHER),),
    )
    make_case(agency, filed_on=date(2023, 12, 31), decisions=((date(2024, 1, 5), Outcome.UPHELD),))
    cells = yearly_counts(agency, 2024)
    assert cells["appeals.reconsideration.upheld"] == 1
    assert cells["appeals.reconsideration.corrected"] == 1
    assert cells["appeals.reconsideration.total"] == 2
    assert cells["appeals.litigation_direct.pending"] == 1
    assert cells["appeals.litigation_direct.total"] == 1
    assert cells["appeals.litigation_after_reconsideration.other"] == 1
    assert cells["appeals.litigation_after_reconsideration.total"] == 1
    # The case filed in 2023 counts in 2023 (pending then), not in 2024.
    assert yearly_counts(agency, 2023)["appeals.reconsideration.pending"] == 1
