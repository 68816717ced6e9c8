"""A case form that the form or the service rejects comes back (400) with the errors in Chinese next to
the fields, and nothing is saved or changed."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from gongkai.appeals.models import AppealCase, AppealDecision, CaseKind
from gongkai.appeals.services import appeal_case_register
from gongkai.core.models import AuditLog
from gongkai.workbench.tests.factories import client_for, make_agency, make_cast, register

pytestmark = pytest.mark.django_db

NOW = "2025-06-16 10:00 +0800"


def changes() -> tuple[int, int, int]:
    return (
        AppealCase.objects.count(),
        AppealDecision.objects.count(),
        AuditLog.objects.filter(outcome=AuditLog.Outcome.DONE)
        .exclude(action="login")
        .count(),  # sign-ins change nothing
    )


@time_machine.travel(NOW, tick=False)
def test_a_missing_kind_and_a_date_in_the_future_are_named_in_chinese_at_once() -> None:
    cast = make_cast()
    response = client_for(cast.staff).post(
        "/staff/agencies/NB-FGW/appeals/new/", {"filed_on": "2025-07-01", "case_number": "甬政复〔2025〕9号"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    # Every error at once: the form's own and the service's rules.
    assert "这个字段是必填项" in page
    assert "申请或起诉日期不能晚于今天" in page
    assert "未知的案件类型" not in page  # a field the form rejected is not checked again
    assert "甬政复〔2025〕9号" in page  # what was typed is kept
    assert not AppealCase.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_an_application_of_another_body_or_an_unknown_number_cannot_be_linked() -> None:
    cast = make_cast()
    register(cast, date(2025, 3, 3))
    other = make_agency("NB-GAJ", "宁波市公安局")
    response = client_for(cast.staff).post(
        "/staff/agencies/NB-FGW/appeals/new/",
        {"kind": CaseKind.RECONSIDERATION, "filed_on": "2025-06-02", "application": "NB-GAJ-2025-001"},
    )
    assert response.status_code == 400
    assert "宁波市发展和改革委员会没有受理编号为“NB-GAJ-2025-001”的申请" in response.content.decode()
    assert other.appeal_cases.count() == 0
    assert changes()[0] == 0


@time_machine.travel(NOW, tick=False)
def test_the_services_rules_are_shown_on_the_form() -> None:
    cast = make_cast()
    before = changes()
    response = client_for(cast.staff).post(
        "/staff/agencies/NB-FGW/appeals/new/",
        {
            "kind": CaseKind.RECONSIDERATION,
            "filed_on": "2025-06-02",
            "co_defendant": "on",
            "response_submitted_on": "2025-06-05",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "只有复议后起诉的行政诉讼案件，复议机关才可能作为共同被告" in page
    assert "请先填写收到申请书或起诉状副本的日期" in page
    assert changes() == before


@time_machine.travel(NOW, tick=False)
def test_a_step_the_service_refuses_leaves_the_case_as_it_was() -> None:
    cast = make_cast()
    case = appeal_case_register(
        agency=cast.agency,
        kind=CaseKind.LITIGATION_DIRECT,
        filed_on=date(2025, 5, 12),
        copy_received_on=date(2025, 5, 20),
        actor=cast.staff,
    )
    before = changes()
    client = client_for(cast.staff)
    response = client.post(
        f"/staff/appeals/{case.pk}/actions/decide/",
        {"decide-outcome": "upheld", "decide-decided_on": "2025-05-01"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "审结日期不能早于申请或起诉日期" in page
    assert 'id="action-decide" open' in page
    response = client.post(
        f"/staff/appeals/{case.pk}/actions/response_submitted/",
        {"response_submitted-response_submitted_on": "2025-05-19"},
    )
    assert response.status_code == 400
    assert "提交答复或答辩日期不能早于收到副本日期" in response.content.decode()
    response = client.post(f"/staff/appeals/{case.pk}/actions/decide/", {"decide-outcome": "pending"})
    assert response.status_code == 400
    assert "选择一个有效的选项" in response.content.decode()
    assert changes() == before
    case.refresh_from_db()
    assert (case.outcome, case.response_submitted_on) == ("pending", None)


@time_machine.travel(NOW, tick=False)
def test_a_correction_that_changes_nothing_is_refused_and_an_unknown_step_is_not_found() -> None:
    cast = make_cast()
    case = appeal_case_register(
        agency=cast.agency, kind=CaseKind.RECONSIDERATION, filed_on=date(2025, 5, 12), actor=cast.staff
    )
    before = changes()
    client = client_for(cast.staff)
    response = client.post(
        f"/staff/appeals/{case.pk}/actions/edit/",
        {"edit-kind": CaseKind.RECONSIDERATION, "edit-filed_on": "2025-05-12"},
    )
    assert response.status_code == 400
    assert "没有修改任何内容" in response.content.decode()
    assert client.post(f"/staff/appeals/{case.pk}/actions/delete/", {}).status_code == 404
    assert client.get("/staff/appeals/999999/").status_code == 404
    assert changes() == before
