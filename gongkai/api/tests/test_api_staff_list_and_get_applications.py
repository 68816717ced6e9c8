"""A body's platform lists its open applications with their due dates and deadline states, filters them
by state, and gets one by its number with the applicant's particulars. Other bodies' applications
and closed ones are not in the list."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
import time_machine
from django.test import Client

from gongkai.api.tests.factories import bearer, make_token
from gongkai.applications.models import Application, Result
from gongkai.applications.services import application_draft_reply, application_sign_reply
from gongkai.applications.tests.factories import SHANGHAI, Cast, make_agency, make_cast, make_user, register

pytestmark = pytest.mark.django_db

URL = "/api/agencies/NB-FGW/applications"
TODAY = datetime(2025, 4, 1, 10, tzinfo=SHANGHAI)  # a Tuesday


@pytest.fixture(autouse=True)
def tuesday() -> Any:
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def cast() -> Cast:
    return make_cast()


@pytest.fixture
def raw(cast: Cast) -> str:
    return make_token(cast.agency)[1]


@pytest.fixture
def applications(cast: Cast) -> dict[str, Application]:
    """One overdue (due 2025-03-31), one due soon, one with time, one closed, one at another body."""
    made = {
        "overdue": register(cast, date(2025, 3, 3)),
        "due_soon": register(cast, date(2025, 3, 10)),
        "ok": register(cast, date(2025, 3, 31)),
        "closed": register(cast, date(2025, 3, 3)),
    }
    application_draft_reply(actor=cast.staff, application=made["closed"], result=Result.DISCLOSED)
    application_sign_reply(actor=cast.head, application=made["closed"], replied_on=date(2025, 3, 20))
    other = make_agency("NB-JTJ", "宁波市交通运输局", parent=cast.agency.parent)
    elsewhere = Cast(other, make_user("sun", other, "staff"), cast.head, cast.outsider, cast.supervisor)
    # Numbers run per body: the fifth there is a number this body has not given.
    made["elsewhere"] = [register(elsewhere, date(2025, 3, 3)) for _ in range(5)][-1]
    return made


def test_the_list_holds_the_body_s_open_applications_by_due_date(
    client: Client, raw: str, applications: dict[str, Application]
) -> None:
    response = client.get(URL, headers=bearer(raw))
    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["page"], body["pages"]) == (3, 1, 1)
    assert [(item["number"], item["deadline_state"]) for item in body["items"]] == [
        (applications["overdue"].number, "overdue"),
        (applications["due_soon"].number, "due_soon"),
        (applications["ok"].number, "ok"),
    ]
    first = body["items"][0]
    assert first["due_date"] == "2025-03-31" and first["status_label"] == "办理中"
    assert "applicant_name" not in first


def test_the_list_filters_by_deadline_state(
    client: Client, raw: str, applications: dict[str, Application]
) -> None:
    body = client.get(URL, {"state": "due_soon"}, headers=bearer(raw)).json()
    assert [item["number"] for item in body["items"]] == [applications["due_soon"].number]


def test_an_unknown_state_is_refused_by_the_schema_in_chinese(
    client: Client, raw: str, applications: dict[str, Application]
) -> None:
    response = client.get(URL, {"state": "late"}, headers=bearer(raw))
    assert response.status_code == 422
    assert "期限状态：取值应为以下之一" in response.json()["detail"]


def test_the_list_is_paged(client: Client, raw: str, applications: dict[str, Application]) -> None:
    body = client.get(URL, {"per_page": 2, "page": 2}, headers=bearer(raw)).json()
    assert (body["count"], body["page"], body["pages"]) == (3, 2, 2)
    assert [item["number"] for item in body["items"]] == [applications["ok"].number]
    assert client.get(URL, {"per_page": 1000}, headers=bearer(raw)).status_code == 422


def test_one_application_comes_with_the_applicant_s_particulars_and_progress(
    client: Client, raw: str, applications: dict[str, Application]
) -> None:
    closed = applications["closed"]
    response = client.get(f"{URL}/{closed.number}", headers=bearer(raw))
    assert response.status_code == 200
    body = response.json()
    assert (body["applicant_name"], body["email"]) == ("张三", "zhangsan@example.cn")
    assert (body["status"], body["result"], body["closed_on"]) == ("closed", "disclosed", "2025-03-20")
    assert body["deadline_state"] is None
    assert [step["label"] for step in body["progress"]] == ["登记申请", "作出答复"]


def test_another_body_s_application_is_not_found(
    client: Client, raw: str, applications: dict[str, Application]
) -> None:
    number = applications["elsewhere"].number
    assert number == "2025-0005"
    response = client.get(f"{URL}/{number}", headers=bearer(raw))
    assert response.status_code == 404
    assert response.json()["detail"] == "宁波市发展和改革委员会没有受理编号为 2025-0005 的申请。"
