from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.agencies.models import Agency
from gongkai.appeals.models import AppealCase, CaseKind, Outcome
from gongkai.appeals.services import appeal_case_decide, appeal_case_register
from gongkai.appeals.tests.factories import make_agency, make_user
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db


def _lawsuit(agency: Agency, staff: User) -> AppealCase:
    return appeal_case_register(
        agency=agency, kind=CaseKind.LITIGATION_DIRECT, filed_on=date(2024, 11, 5), actor=staff
    )


def test_a_decision_sets_the_outcome_and_keeps_every_step_in_order() -> None:
    agency = make_agency()
    staff = make_user(agency)
    case = _lawsuit(agency, staff)
    case = appeal_case_decide(case=case, outcome=Outcome.UPHELD, decided_on=date(2024, 12, 20), actor=staff)
    assert (case.outcome, case.decided_on) == (Outcome.UPHELD, date(2024, 12, 20))
    # Appealed to the higher court: pending again, then corrected on appeal.
    case = appeal_case_decide(case=case, outcome=Outcome.PENDING, decided_on=date(2025, 1, 3), actor=staff)
    assert (case.outcome, case.decided_on) == (Outcome.PENDING, None)
    case = appeal_case_decide(case=case, outcome=Outcome.CORRECTED, decided_on=date(2025, 5, 9), actor=staff)
    steps = list(case.decisions.values_list("decided_on", "outcome"))
    assert steps == [
        (date(2024, 12, 20), Outcome.UPHELD),
        (date(2025, 1, 3), Outcome.PENDING),
        (date(2025, 5, 9), Outcome.CORRECTED),
    ]
    assert AuditLog.objects.filter(action="appeal_case_decide").count() == 3


def test_a_step_dated_before_the_previous_one_is_rejected() -> None:
    agency = make_agency()
    staff = make_user(agency)
    case = appeal_case_decide(
        case=_lawsuit(agency, staff), outcome=Outcome.UPHELD, decided_on=date(2024, 12, 20), actor=staff
    )
    with pytest.raises(ValidationError) as raised:
        appeal_case_decide(case=case, outcome=Outcome.CORRECTED, decided_on=date(2024, 12, 1), actor=staff)
    assert "2024-12-20" in " ".join(raised.value.messages)
    case.refresh_from_db()
    assert case.outcome == Outcome.UPHELD


def test_a_decision_before_the_filing_date_or_a_pending_case_marked_pending_is_rejected() -> None:
    agency = make_agency()
    staff = make_user(agency)
    case = _lawsuit(agency, staff)
    with pytest.raises(ValidationError):
        appeal_case_decide(case=case, outcome=Outcome.UPHELD, decided_on=date(2024, 11, 1), actor=staff)
    with pytest.raises(ValidationError):
        appeal_case_decide(case=case, outcome=Outcome.PENDING, decided_on=date(2024, 12, 1), actor=staff)
    with pytest.raises(ValidationError):
        appeal_case_decide(case=case, outcome="dismissed", decided_on=date(2024, 12, 1), actor=staff)
    assert not case.decisions.exists()


def test_only_staff_or_head_of_the_body_may_record_a_decision() -> None:
    agency = make_agency()
    staff = make_user(agency)
    case = _lawsuit(agency, staff)
    outsider = make_user(make_agency("XS-JYJ", "象山县教育局"), username="li")
    with pytest.raises(PermissionDenied):
        appeal_case_decide(case=case, outcome=Outcome.UPHELD, decided_on=date(2024, 12, 20), actor=outsider)
    assert AuditLog.objects.get(action="appeal_case_decide").outcome == AuditLog.Outcome.REFUSED
    assert not case.decisions.exists()
