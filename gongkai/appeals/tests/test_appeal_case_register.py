from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.appeals.models import AppealCase, CaseKind, Outcome
from gongkai.appeals.services import appeal_case_register
from gongkai.appeals.tests.factories import Role, make_agency, make_application, make_user
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db


def test_staff_of_the_body_register_a_case_that_starts_pending_and_is_logged() -> None:
    agency = make_agency()
    staff = make_user(agency)
    application = make_application(agency, received_on=date(2025, 3, 3), closed_on=date(2025, 3, 20))
    case = appeal_case_register(
        agency=agency,
        kind=CaseKind.RECONSIDERATION,
        filed_on=date(2025, 4, 10),
        actor=staff,
        application=application,
        case_number="象政复〔2025〕12号",
        authority="象山县人民政府",
    )
    assert case.outcome == Outcome.PENDING
    assert case.decided_on is None
    assert case.created_by == staff
    log = AuditLog.objects.get(action="appeal_case_register")
    assert log.actor == staff
    assert log.agency == agency
    assert log.outcome == AuditLog.Outcome.DONE
    assert log.detail["after"]["filed_on"] == "2025-04-10"


def test_a_user_without_a_role_in_the_body_is_refused_and_the_refusal_is_logged() -> None:
    agency = make_agency()
    other = make_agency("XS-JYJ", "象山县教育局")
    outsider = make_user(other, username="li")
    with pytest.raises(PermissionDenied):
        appeal_case_register(
            agency=agency, kind=CaseKind.LITIGATION_DIRECT, filed_on=date(2025, 4, 10), actor=outsider
        )
    assert not AppealCase.objects.exists()
    refusal = AuditLog.objects.get(action="appeal_case_register")
    assert refusal.outcome == AuditLog.Outcome.REFUSED
    assert refusal.actor == outsider


def test_a_supervisor_may_read_but_not_register_cases() -> None:
    government = make_agency("XS", "象山县人民政府")
    department = make_agency("XS-JYJ", "象山县教育局")
    department.parent = government
    department.save()
    supervisor = make_user(government, Role.SUPERVISOR, username="zhao")
    with pytest.raises(PermissionDenied):
        appeal_case_register(
            agency=department, kind=CaseKind.RECONSIDERATION, filed_on=date(2025, 4, 10), actor=supervisor
        )
    assert not AppealCase.objects.exists()
