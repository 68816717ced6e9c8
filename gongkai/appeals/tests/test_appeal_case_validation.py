from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from gongkai.appeals.models import AppealCase, CaseKind
from gongkai.appeals.services import appeal_case_register, appeal_case_update
from gongkai.appeals.tests.factories import make_agency, make_application, make_user
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db


def _messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_only_a_suit_after_reconsideration_can_have_the_reconsideration_body_as_co_defendant() -> None:
    agency = make_agency()
    staff = make_user(agency)
    for kind in (CaseKind.RECONSIDERATION, CaseKind.LITIGATION_DIRECT):
        with pytest.raises(ValidationError) as raised:
            appeal_case_register(
                agency=agency, kind=kind, filed_on=date(2025, 4, 10), actor=staff, co_defendant=True
            )
        assert "共同被告" in _messages(raised.value)
    case = appeal_case_register(
        agency=agency,
        kind=CaseKind.LITIGATION_AFTER_RECONSIDERATION,
        filed_on=date(2025, 4, 10),
        actor=staff,
        co_defendant=True,
    )
    assert case.co_defendant


def test_a_case_may_only_be_linked_to_an_application_of_the_same_body() -> None:
    agency = make_agency()
    other = make_agency("XS-JYJ", "象山县教育局")
    staff = make_user(agency)
    foreign = make_application(other, received_on=date(2025, 3, 3))
    with pytest.raises(ValidationError) as raised:
        appeal_case_register(
            agency=agency,
            kind=CaseKind.RECONSIDERATION,
            filed_on=date(2025, 4, 10),
            actor=staff,
            application=foreign,
        )
    assert "本机关" in _messages(raised.value)
    assert not AppealCase.objects.exists()


def test_dates_in_the_future_or_out_of_order_are_rejected() -> None:
    agency = make_agency()
    staff = make_user(agency)
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as raised:
        appeal_case_register(agency=agency, kind=CaseKind.RECONSIDERATION, filed_on=tomorrow, actor=staff)
    assert "不能晚于今天" in _messages(raised.value)
    with pytest.raises(ValidationError) as raised:
        appeal_case_register(
            agency=agency,
            kind=CaseKind.RECONSIDERATION,
            filed_on=date(2025, 4, 10),
            copy_received_on=date(2025, 4, 1),
            actor=staff,
        )
    assert "不能早于申请或起诉日期" in _messages(raised.value)
    with pytest.raises(ValidationError) as raised:
        appeal_case_register(
            agency=agency,
            kind=CaseKind.RECONSIDERATION,
            filed_on=date(2025, 4, 10),
            response_submitted_on=date(2025, 4, 20),
            actor=staff,
        )
    assert "收到申请书或起诉状副本" in _messages(raised.value)


def test_the_simplified_procedure_exists_only_for_reconsideration_under_the_2023_law() -> None:
    agency = make_agency()
    staff = make_user(agency)
    with pytest.raises(ValidationError) as raised:
        appeal_case_register(
            agency=agency,
            kind=CaseKind.RECONSIDERATION,
            filed_on=date(2023, 11, 1),
            copy_received_on=date(2023, 11, 8),
            simplified_procedure=True,
            actor=staff,
        )
    assert "简易程序" in _messages(raised.value)
    with pytest.raises(ValidationError):
        appeal_case_register(
            agency=agency,
            kind=CaseKind.LITIGATION_DIRECT,
            filed_on=date(2025, 4, 10),
            simplified_procedure=True,
            actor=staff,
        )


def test_an_update_that_breaks_a_rule_changes_nothing() -> None:
    agency = make_agency()
    staff = make_user(agency)
    case = appeal_case_register(
        agency=agency, kind=CaseKind.RECONSIDERATION, filed_on=date(2025, 4, 10), actor=staff
    )
    with pytest.raises(ValidationError):
        appeal_case_update(case=case, actor=staff, changes={"co_defendant": True})
    case.refresh_from_db()
    assert not case.co_defendant
    assert not AuditLog.objects.filter(action="appeal_case_update").exists()


def test_an_update_is_logged_with_the_values_before_and_after() -> None:
    agency = make_agency()
    staff = make_user(agency)
    case = appeal_case_register(
        agency=agency, kind=CaseKind.RECONSIDERATION, filed_on=date(2025, 4, 10), actor=staff
    )
    appeal_case_update(
        case=case,
        actor=staff,
        changes={"copy_received_on": date(2025, 4, 15), "case_number": " 甬政复〔2025〕3号 "},
    )
    case.refresh_from_db()
    assert case.copy_received_on == date(2025, 4, 15)
    assert case.case_number == "甬政复〔2025〕3号"
    log = AuditLog.objects.get(action="appeal_case_update")
    assert log.detail["before"]["copy_received_on"] is None
    assert log.detail["after"]["copy_received_on"] == "2025-04-15"


def test_fields_outside_the_editable_list_cannot_be_changed_by_update() -> None:
    agency = make_agency()
    staff = make_user(agency)
    case = appeal_case_register(
        agency=agency, kind=CaseKind.RECONSIDERATION, filed_on=date(2025, 4, 10), actor=staff
    )
    with pytest.raises(ValidationError):
        appeal_case_update(case=case, actor=staff, changes={"outcome": "upheld"})
