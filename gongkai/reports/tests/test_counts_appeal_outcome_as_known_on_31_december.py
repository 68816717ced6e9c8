from __future__ import annotations

from datetime import date

import pytest

from gongkai.appeals.models import CaseKind, Outcome
from gongkai.appeals.tests.factories import make_agency, make_case
from gongkai.reports.counts import yearly_counts

pytestmark = pytest.mark.django_db


def test_a_case_decided_after_the_year_counts_as_pending_in_the_year_it_was_filed() -> None:
    agency = make_agency()
    make_case(agency, filed_on=date(2024, 11, 20), decisions=((date(2025, 1, 10), Outcome.CORRECTED),))
    cells = yearly_counts(agency, 2024)
    assert cells["appeals.reconsideration.pending"] == 1
    assert cells["appeals.reconsideration.corrected"] == 0


def test_a_case_decided_on_31_december_counts_with_its_outcome() -> None:
    agency = make_agency()
    make_case(agency, filed_on=date(2024, 11, 20), decisions=((date(2024, 12, 31), Outcome.UPHELD),))
    assert yearly_counts(agency, 2024)["appeals.reconsideration.upheld"] == 1


def test_a_judgment_appealed_after_the_year_keeps_the_outcome_known_on_31_december() -> None:
    agency = make_agency()
    make_case(
        agency,
        filed_on=date(2024, 6, 3),
        kind=CaseKind.LITIGATION_DIRECT,
        decisions=(
            (date(2024, 12, 10), Outcome.UPHELD),
            (date(2025, 1, 2), Outcome.PENDING),
            (date(2025, 4, 30), Outcome.CORRECTED),
        ),
    )
    cells = yearly_counts(agency, 2024)
    assert cells["appeals.litigation_direct.upheld"] == 1
    assert cells["appeals.litigation_direct.corrected"] == 0
    assert cells["appeals.litigation_direct.total"] == 1


def test_a_judgment_appealed_before_31_december_is_pending_that_year() -> None:
    agency = make_agency()
    make_case(
        agency,
        filed_on=date(2024, 6, 3),
        kind=CaseKind.LITIGATION_DIRECT,
        decisions=((date(2024, 10, 10), Outcome.UPHELD), (date(2024, 10, 24), Outcome.PENDING)),
    )
    assert yearly_counts(agency, 2024)["appeals.litigation_direct.pending"] == 1
