"""When the applicant acts — submits a correction online, or applies online — the queue marks the
application as waiting for staff (not "待补正" as if nothing had come) and puts it at the top of the work
until staff confirm it."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine

from gongkai.applications import services
from gongkai.applications.intake import ApplicantDetails
from gongkai.workbench.tests.factories import PERSON, client_for, make_cast, register

pytestmark = pytest.mark.django_db


def rows(html: str) -> list[str]:
    """The queue's rows, top to bottom, as their text."""
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in body.split("</tr>")[:-1]]


@time_machine.travel("2025-04-01 09:00 +0800", tick=False)
def test_a_correction_submitted_online_is_marked_and_first_until_confirmed() -> None:
    cast = make_cast()
    overdue = register(cast, date(2025, 3, 3))
    corrected = register(cast, date(2025, 3, 24))
    services.application_request_correction(
        actor=cast.staff,
        application=corrected,
        notified_on=date(2025, 3, 25),
        items="请写明文号",
        period_workdays=10,
    )
    services.application_submit_correction_online(application=corrected, description="甬发改〔2024〕12号文件")
    client = client_for(cast.staff)
    html = client.get(f"/staff/agencies/{cast.agency.code}/applications/").content.decode()
    first, second = rows(html)
    assert corrected.number in first and "补正待确认" in first
    assert overdue.number in second and "已逾期" in second
    assert re.search(r"申请人已提交、待处理 <strong>1</strong> 件", html)

    services.application_receive_correction(
        actor=cast.staff, application=corrected, received_on=date(2025, 4, 1)
    )
    html = client.get(f"/staff/agencies/{cast.agency.code}/applications/").content.decode()
    first, second = rows(html)
    assert overdue.number in first and corrected.number in second
    assert "补正待确认" not in html and "待处理" not in html


@time_machine.travel("2025-04-01 09:00 +0800", tick=False)
def test_an_online_application_awaiting_receipt_is_first_too() -> None:
    cast = make_cast()
    register(cast, date(2025, 3, 3))
    online = services.application_submit_online(
        agency=cast.agency, applicant=ApplicantDetails(**PERSON)
    ).application
    html = client_for(cast.staff).get(f"/staff/agencies/{cast.agency.code}/applications/").content.decode()
    assert online.number in rows(html)[0] and "网上申请待确认" in rows(html)[0]
