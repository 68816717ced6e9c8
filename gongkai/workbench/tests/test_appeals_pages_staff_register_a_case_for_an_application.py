"""Staff register a 行政复议 or 行政诉讼 case from the application's page: the form comes with the
application's number, the case is saved through the service (logged) and listed on the application's page."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from gongkai.appeals.models import AppealCase, CaseKind, Outcome
from gongkai.core.models import AuditLog
from gongkai.workbench.tests.factories import client_for, make_cast, register

pytestmark = pytest.mark.django_db

NOW = "2025-06-16 10:00 +0800"


@time_machine.travel(NOW, tick=False)
def test_the_application_page_links_to_a_form_that_names_the_application() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    client = client_for(cast.staff)
    page = client.get(f"/staff/applications/{application.pk}/").content.decode()
    assert "本申请没有登记行政复议或行政诉讼案件" in page
    link = f"/staff/agencies/NB-FGW/appeals/new/?application={application.number}"
    assert link in page
    form = client.get(link).content.decode()
    assert f'value="{application.number}"' in form
    assert "登记行政复议或行政诉讼案件" in form


@time_machine.travel(NOW, tick=False)
def test_a_registered_case_is_pending_logged_and_shown_on_the_application_page() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    client = client_for(cast.head)
    response = client.post(
        "/staff/agencies/NB-FGW/appeals/new/",
        {
            "kind": CaseKind.RECONSIDERATION,
            "case_number": " 甬政复〔2025〕33号 ",
            "authority": "宁波市人民政府",
            "filed_on": "2025-06-09",
            "copy_received_on": "2025-06-11",
            "simplified_procedure": "on",
            "application": application.number,
        },
    )
    case = AppealCase.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/staff/appeals/{case.pk}/"
    assert (case.agency, case.application, case.case_number) == (
        cast.agency,
        application,
        "甬政复〔2025〕33号",
    )
    assert (case.outcome, case.simplified_procedure, case.created_by) == (Outcome.PENDING, True, cast.head)
    log = AuditLog.objects.get(action="appeal_case_register")
    assert (log.actor, log.outcome) == (cast.head, AuditLog.Outcome.DONE)

    page = client.get(response["Location"]).content.decode()
    assert "已登记行政复议案件" in page
    # 《行政复议法》第五十四条: 5 working days in the simplified procedure, from 2025-06-11.
    assert 'id="response-due">2025-06-18<' in page
    assert "第五十四条" in page

    application_page = client.get(f"/staff/applications/{application.pk}/").content.decode()
    assert f'href="/staff/appeals/{case.pk}/"' in application_page
    assert "行政复议 甬政复〔2025〕33号" in application_page


@time_machine.travel(NOW, tick=False)
def test_a_case_about_a_decision_made_outside_the_system_needs_no_application() -> None:
    cast = make_cast()
    response = client_for(cast.staff).post(
        "/staff/agencies/NB-FGW/appeals/new/",
        {"kind": CaseKind.LITIGATION_DIRECT, "filed_on": "2025-06-02", "application": ""},
    )
    assert response.status_code == 302
    case = AppealCase.objects.get()
    assert (case.application, case.copy_received_on, case.case_number) == (None, None, "")
