from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from gongkai.appeals.models import AppealCase, CaseKind, Outcome
from gongkai.appeals.tests.factories import make_agency, make_case, make_user
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db

FORM = {
    "kind": CaseKind.RECONSIDERATION,
    "case_number": "象政复〔2025〕7号",
    "authority": "象山县人民政府",
    "filed_on": "2025-04-10",
    "copy_received_on": "2025-04-14",
    "outcome": Outcome.PENDING,
    "note": "",
    "decisions-TOTAL_FORMS": "0",
    "decisions-INITIAL_FORMS": "0",
}


def _admin_client(user) -> Client:  # type: ignore[no-untyped-def]
    user.is_staff = True
    user.save()
    client = Client()
    client.force_login(user)
    return client


def test_a_case_added_in_the_admin_goes_through_the_service_and_is_logged() -> None:
    agency = make_agency()
    client = _admin_client(make_user(agency))
    response = client.post("/admin/appeals/appealcase/add/", {**FORM, "agency": agency.pk})
    assert response.status_code == 302, response.content.decode()
    case = AppealCase.objects.get()
    assert case.case_number == "象政复〔2025〕7号"
    assert AuditLog.objects.filter(action="appeal_case_register", actor__isnull=False).count() == 1


def test_the_admin_form_shows_the_rules_in_chinese_and_saves_nothing() -> None:
    agency = make_agency()
    client = _admin_client(make_user(agency))
    response = client.post(
        "/admin/appeals/appealcase/add/", {**FORM, "agency": agency.pk, "co_defendant": "on"}
    )
    assert response.status_code == 200
    assert "共同被告" in response.content.decode()
    assert not AppealCase.objects.exists()


def test_a_decision_entered_in_the_admin_is_recorded_as_a_step() -> None:
    agency = make_agency()
    client = _admin_client(make_user(agency))
    case = make_case(agency, filed_on=date(2025, 4, 10))
    response = client.post(
        f"/admin/appeals/appealcase/{case.pk}/change/",
        {**FORM, "outcome": Outcome.CORRECTED, "decided_on": "2025-06-30"},
    )
    assert response.status_code == 302, response.content.decode()
    case.refresh_from_db()
    assert (case.outcome, case.decided_on) == (Outcome.CORRECTED, date(2025, 6, 30))
    assert list(case.decisions.values_list("outcome", flat=True)) == [Outcome.CORRECTED]


def test_staff_of_another_body_can_neither_see_nor_change_the_case() -> None:
    agency = make_agency()
    case = make_case(agency, filed_on=date(2025, 4, 10))
    client = _admin_client(make_user(make_agency("XS-JYJ", "象山县教育局"), username="li"))
    assert client.get(f"/admin/appeals/appealcase/{case.pk}/change/").status_code in (302, 403, 404)
    client.post(f"/admin/appeals/appealcase/{case.pk}/change/", {**FORM, "outcome": Outcome.UPHELD})
    case.refresh_from_db()
    assert case.outcome == Outcome.PENDING
