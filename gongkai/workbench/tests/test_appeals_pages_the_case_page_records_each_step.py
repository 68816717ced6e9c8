"""On a case's page staff record the copy received, the answer submitted and each outcome step; the
deadline is shown with the rule it comes from; every step is kept and every change is in the history."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from gongkai.appeals.models import AppealCase, CaseKind, Outcome
from gongkai.appeals.services import appeal_case_register
from gongkai.core.models import AuditLog
from gongkai.workbench.tests.factories import Cast, client_for, make_cast

pytestmark = pytest.mark.django_db

NOW = "2025-06-16 10:00 +0800"


def lawsuit(cast: Cast) -> AppealCase:
    return appeal_case_register(
        agency=cast.agency,
        kind=CaseKind.LITIGATION_DIRECT,
        filed_on=date(2025, 5, 12),
        actor=cast.staff,
        case_number="（2025）浙0203行初88号",
    )


@time_machine.travel(NOW, tick=False)
def test_the_copy_received_starts_the_defence_period_and_the_answer_stops_it() -> None:
    cast = make_cast()
    case = lawsuit(cast)
    client = client_for(cast.staff)
    url = f"/staff/appeals/{case.pk}/"
    page = client.get(url).content.decode()
    assert "尚未登记收到起诉状副本" in page
    assert 'id="action-copy_received" open' in page
    assert "action-response_submitted" not in page

    response = client.post(f"{url}actions/copy_received/", {"copy_received-copy_received_on": "2025-06-03"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    # 《行政诉讼法》第六十七条: 15 days after 2025-06-03.
    assert 'id="response-due">2025-06-18<' in page
    assert "第六十七条" in page
    assert "答辩即将到期" in page
    assert "action-copy_received" not in page
    assert 'id="action-response_submitted" open' in page

    response = client.post(
        f"{url}actions/response_submitted/", {"response_submitted-response_submitted_on": "2025-06-13"}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.copy_received_on, case.response_submitted_on) == (date(2025, 6, 3), date(2025, 6, 13))
    page = client.get(url).content.decode()
    assert "2025-06-13 已提交" in page
    assert "即将到期" not in page
    assert "收到申请书或起诉状副本日期：— → 2025-06-03" in page
    assert "提交书面答复或答辩状日期：— → 2025-06-13" in page
    assert AuditLog.objects.filter(action="appeal_case_update", actor=cast.staff).count() == 2


@time_machine.travel(NOW, tick=False)
def test_every_outcome_step_is_kept_in_order_including_a_reopening() -> None:
    cast = make_cast()
    case = lawsuit(cast)
    client = client_for(cast.staff)
    url = f"/staff/appeals/{case.pk}/actions/decide/"
    first = client.post(url, {"decide-outcome": "upheld", "decide-decided_on": "2025-05-30"})
    assert first.status_code == 302
    # Once decided, the case may go back to pending (an appeal to the higher court).
    page = client.get(f"/staff/appeals/{case.pk}/").content.decode()
    assert "重新进入审理（上诉、发回重审等）" in page
    reopened = client.post(
        url, {"decide-outcome": "pending", "decide-decided_on": "2025-06-06", "decide-note": "原告上诉"}
    )
    assert reopened.status_code == 302
    corrected = client.post(url, {"decide-outcome": "corrected", "decide-decided_on": "2025-06-13"})
    assert corrected.status_code == 302

    case.refresh_from_db()
    assert (case.outcome, case.decided_on) == (Outcome.CORRECTED, date(2025, 6, 13))
    assert list(case.decisions.values_list("decided_on", "outcome")) == [
        (date(2025, 5, 30), Outcome.UPHELD),
        (date(2025, 6, 6), Outcome.PENDING),
        (date(2025, 6, 13), Outcome.CORRECTED),
    ]
    page = client.get(f"/staff/appeals/{case.pk}/").content.decode()
    decisions = page[page.index('id="decisions"') :]
    assert decisions.index("2025-05-30") < decisions.index("重新进入审理") < decisions.index("2025-06-13")
    assert "原告上诉" in decisions
    history = page[page.index('id="history"') :]
    assert history.index("结果：尚未审结 → 维持") < history.index("结果：维持 → 尚未审结")
    assert history.index("结果：维持 → 尚未审结") < history.index("结果：尚未审结 → 纠正")
    assert AuditLog.objects.filter(action="appeal_case_decide").count() == 3


@time_machine.travel(NOW, tick=False)
def test_details_are_corrected_and_only_what_changed_is_logged() -> None:
    cast = make_cast()
    case = lawsuit(cast)
    client = client_for(cast.head)
    response = client.post(
        f"/staff/appeals/{case.pk}/actions/edit/",
        {
            "edit-kind": CaseKind.LITIGATION_DIRECT,
            "edit-case_number": "（2025）浙0203行初89号",
            "edit-authority": "宁波市海曙区人民法院",
            "edit-filed_on": "2025-05-12",
            "edit-note": "",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.case_number, case.authority) == ("（2025）浙0203行初89号", "宁波市海曙区人民法院")
    log = AuditLog.objects.get(action="appeal_case_update")
    assert log.detail["before"]["case_number"] == "（2025）浙0203行初88号"
    page = client.get(f"/staff/appeals/{case.pk}/").content.decode()
    assert "案号：（2025）浙0203行初88号 → （2025）浙0203行初89号" in page
    assert "复议机关或人民法院：— → 宁波市海曙区人民法院" in page
