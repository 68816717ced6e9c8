"""Staff intake: an application received by any channel is registered with its date of receipt under
条例第三十一条 (a letter says whether it was registered post); the query code is shown once."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from gongkai.applications.models import Application, Status
from gongkai.workbench.tests.factories import client_for, make_cast

pytestmark = pytest.mark.django_db

PERSON_FORM = {
    "applicant_type": "natural_person",
    "applicant_name": "张三",
    "applicant_id_type": "resident_id",
    "applicant_id_number": "11010519491231002X",
    "phone": "13800138000",
    "address": "宁波市海曙区解放南路1号",
    "description": "2024年宁波市重点建设项目计划的批准文件",
    "requested_form": "paper",
    "delivery_method": "post",
}


@time_machine.travel("2025-03-05 10:00 +0800", tick=False)
def test_a_registered_letter_counts_from_the_day_it_was_signed_for_and_shows_the_code_once() -> None:
    cast = make_cast()
    client = client_for(cast.staff)
    response = client.post(
        "/staff/agencies/NB-FGW/applications/new/",
        {**PERSON_FORM, "channel": "letter", "letter_kind": "registered", "received_on": "2025-03-03"},
    )
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/staff/applications/{application.pk}/"
    assert (application.channel, application.letter_kind, application.received_on) == (
        "letter",
        "registered",
        date(2025, 3, 3),
    )
    assert application.due_date == date(2025, 3, 31)
    page = client.get(response["Location"]).content.decode()
    assert 'id="query-code"' in page
    assert "2025-03-31" in page
    assert 'id="query-code"' not in client.get(response["Location"]).content.decode()


@time_machine.travel("2025-03-05 10:00 +0800", tick=False)
def test_a_fax_without_a_confirmed_date_waits_for_confirmation() -> None:
    cast = make_cast()
    client_for(cast.staff).post("/staff/agencies/NB-FGW/applications/new/", {**PERSON_FORM, "channel": "fax"})
    application = Application.objects.get()
    assert (application.status, application.received_on) == (Status.PENDING_RECEIPT, None)


@time_machine.travel("2025-03-05 10:00 +0800", tick=False)
def test_a_letter_without_its_kind_is_refused_in_chinese_and_nothing_is_saved() -> None:
    cast = make_cast()
    response = client_for(cast.staff).post(
        "/staff/agencies/NB-FGW/applications/new/",
        {**PERSON_FORM, "channel": "letter", "received_on": "2025-03-03"},
    )
    assert response.status_code == 200
    assert "挂号信" in response.content.decode()
    assert "请注明" in response.content.decode()
    assert not Application.objects.exists()


@time_machine.travel("2025-03-05 10:00 +0800", tick=False)
def test_every_bad_particular_is_named_at_once() -> None:
    cast = make_cast()
    response = client_for(cast.staff).post(
        "/staff/agencies/NB-FGW/applications/new/",
        {**PERSON_FORM, "channel": "in_person", "applicant_id_number": "123", "postcode": "abc"},
    )
    page = response.content.decode()
    assert "居民身份证号码应为18位" in page
    assert "邮政编码应为6位数字" in page
    assert not Application.objects.exists()
