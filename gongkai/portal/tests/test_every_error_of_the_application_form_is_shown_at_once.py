"""All the field errors of an application form appear at once: a wrong e-mail address and an identity
number whose check character is wrong are both said on the first submission (the probe fixed the e-mail,
only then to learn of the number)."""

from __future__ import annotations

import pytest

from gongkai.applications.models import Application
from gongkai.portal.tests.factories import APPLY_FORM
from gongkai.workbench.tests.factories import client_for, make_cast

pytestmark = pytest.mark.django_db

BAD = {"email": "zhangsan@", "applicant_id_number": "110105194912310021"}  # check character should be X


def test_the_public_form_says_both_errors_at_once() -> None:
    cast = make_cast()
    from django.test import Client

    html = Client().post(f"/apply/{cast.agency.code}/", {**APPLY_FORM, **BAD}).content.decode()
    assert "电子邮箱格式不正确" in html
    assert "校验" in html or "身份证号码" in html
    assert not Application.objects.exists()


def test_the_staff_intake_form_says_both_errors_at_once() -> None:
    cast = make_cast()
    form = {**APPLY_FORM, **BAD, "channel": "in_person", "received_on": "2025-03-03"}
    html = (
        client_for(cast.staff)
        .post(f"/staff/agencies/{cast.agency.code}/applications/new/", form)
        .content.decode()
    )
    assert "电子邮箱格式不正确" in html
    assert "校验" in html or "身份证号码" in html
    assert not Application.objects.exists()
