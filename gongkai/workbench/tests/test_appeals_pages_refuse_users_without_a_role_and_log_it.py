"""Appeal pages check the role for the case's body: staff and head act; a supervising office reads its
subtree and changes nothing; staff of another body see nothing. Every refusal is the 403 page in
Chinese and a line in the audit log, and nothing changes."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from gongkai.appeals.models import AppealCase, CaseKind
from gongkai.appeals.services import appeal_case_register
from gongkai.core.models import AuditLog
from gongkai.workbench.tests.factories import Cast, client_for, make_cast, register

pytestmark = pytest.mark.django_db

NOW = "2025-06-16 10:00 +0800"


def refusals() -> list[AuditLog]:
    return list(AuditLog.objects.filter(outcome=AuditLog.Outcome.REFUSED).order_by("id"))


def a_case(cast: Cast) -> AppealCase:
    return appeal_case_register(
        agency=cast.agency,
        kind=CaseKind.RECONSIDERATION,
        filed_on=date(2025, 6, 2),
        actor=cast.staff,
        application=register(cast, date(2025, 3, 3)),
        case_number="甬政复〔2025〕33号",
    )


@time_machine.travel(NOW, tick=False)
def test_staff_of_another_body_are_refused_the_list_the_case_and_the_form() -> None:
    cast = make_cast()
    case = a_case(cast)
    client = client_for(cast.outsider)
    for url in (
        "/staff/agencies/NB-FGW/appeals/",
        f"/staff/appeals/{case.pk}/",
        "/staff/agencies/NB-FGW/appeals/new/",
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        page = response.content.decode()
        assert "宁波市发展和改革委员会" in page
        assert "甬政复〔2025〕33号" not in page
    assert [(r.actor, r.action) for r in refusals()] == [
        (cast.outsider, "workbench_appeals"),
        (cast.outsider, "appeal_case_read"),
        (cast.outsider, "workbench_appeal_register"),
    ]
    assert refusals()[1].object_id == str(case.pk)


@time_machine.travel(NOW, tick=False)
def test_a_supervisor_reads_the_case_without_forms_and_a_posted_step_is_refused() -> None:
    cast = make_cast()
    case = a_case(cast)
    client = client_for(cast.supervisor)
    listing = client.get("/staff/agencies/NB-FGW/appeals/")
    assert listing.status_code == 200
    assert "甬政复〔2025〕33号" in listing.content.decode()
    assert "登记案件" not in listing.content.decode()
    page = client.get(f"/staff/appeals/{case.pk}/").content.decode()
    assert "甬政复〔2025〕33号" in page
    assert "只有查看权限" in page
    assert '<form method="post" action="/staff/appeals/' not in page

    response = client.post(
        f"/staff/appeals/{case.pk}/actions/copy_received/", {"copy_received-copy_received_on": "2025-06-03"}
    )
    assert response.status_code == 403
    assert "无权办理" in response.content.decode()
    response = client.post(
        "/staff/agencies/NB-FGW/appeals/new/", {"kind": CaseKind.LITIGATION_DIRECT, "filed_on": "2025-06-02"}
    )
    assert response.status_code == 403
    assert [(r.actor, r.action) for r in refusals()] == [
        (cast.supervisor, "appeal_case_update"),
        (cast.supervisor, "workbench_appeal_register"),
    ]
    case.refresh_from_db()
    assert case.copy_received_on is None
    assert AppealCase.objects.count() == 1


@time_machine.travel(NOW, tick=False)
def test_a_supervisor_sees_no_register_link_on_the_application_page() -> None:
    cast = make_cast()
    case = a_case(cast)
    assert case.application is not None
    page = client_for(cast.supervisor).get(f"/staff/applications/{case.application.pk}/").content.decode()
    assert f'href="/staff/appeals/{case.pk}/"' in page
    assert "/appeals/new/" not in page


@time_machine.travel(NOW, tick=False)
def test_the_head_may_record_an_outcome() -> None:
    cast = make_cast()
    case = a_case(cast)
    response = client_for(cast.head).post(
        f"/staff/appeals/{case.pk}/actions/decide/",
        {"decide-outcome": "other", "decide-decided_on": "2025-06-13"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.outcome == "other"
    assert not refusals()
