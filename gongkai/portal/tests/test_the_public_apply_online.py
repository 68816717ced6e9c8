"""The online application form (条例第二十九条): on success the number and the query code are shown
once; bad input comes back with Chinese errors and saves nothing; the form needs its CSRF token."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from gongkai.applications.models import Application, Source, Status
from gongkai.applications.selectors import get_application_for_applicant
from gongkai.portal.tests.factories import APPLY_FORM, make_cast

pytestmark = pytest.mark.django_db


def test_an_application_is_submitted_and_its_number_and_code_are_shown_once() -> None:
    make_cast()
    client = Client()
    response = client.post("/apply/NB-FGW/", APPLY_FORM)
    assert response.status_code == 302
    page = client.get(response["Location"])
    html = page.content.decode()
    number = re.search(r'id="application-number">([^<]+)<', html)
    code = re.search(r'id="query-code">([^<]+)<', html)
    assert number and code
    application = Application.objects.get()
    assert (application.source, application.status, application.channel) == (
        Source.PORTAL,
        Status.PENDING_RECEIPT,
        "online",
    )
    assert get_application_for_applicant(number.group(1), code.group(1)) == application
    assert page["Cache-Control"] == "no-store"
    # Shown once: a reload goes to the status page, without the code.
    again = client.get(response["Location"])
    assert again.status_code == 302
    assert code.group(1) not in client.get(again["Location"]).content.decode()


def test_missing_and_bad_particulars_are_named_in_chinese_and_nothing_is_saved() -> None:
    make_cast()
    response = Client().post(
        "/apply/NB-FGW/",
        {**APPLY_FORM, "applicant_name": "", "applicant_id_number": "123", "email": "not-an-address"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "这个字段是必填项" in html
    assert "电子邮箱格式不正确" in html
    assert not Application.objects.exists()


def test_the_services_rules_come_back_on_the_form() -> None:
    make_cast()
    response = Client().post("/apply/NB-FGW/", {**APPLY_FORM, "applicant_id_number": "123"})
    assert "居民身份证号码应为18位" in response.content.decode()
    assert not Application.objects.exists()


def test_an_organisation_must_name_a_contact_person() -> None:
    make_cast()
    response = Client().post(
        "/apply/NB-FGW/",
        {
            **APPLY_FORM,
            "applicant_type": "commercial_enterprise",
            "applicant_id_type": "credit_code",
            "applicant_id_number": "91330200MA2AXXXX1F",
        },
    )
    assert "请填写联系人" in response.content.decode()
    assert not Application.objects.exists()


def test_a_post_without_the_csrf_token_is_refused() -> None:
    make_cast()
    response = Client(enforce_csrf_checks=True).post("/apply/NB-FGW/", APPLY_FORM)
    assert response.status_code == 403
    assert "页面已过期" in response.content.decode()
    assert not Application.objects.exists()


def test_an_unknown_body_is_not_found() -> None:
    make_cast()
    assert Client().get("/apply/NOPE/").status_code == 404
