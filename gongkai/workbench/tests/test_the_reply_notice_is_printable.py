"""The reply notice (答复书) prints from what notices.py wrote into the signed reply: decision, basis,
reasons and the applicant's remedies; a draft prints marked as a draft; another body's is refused."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications import services
from gongkai.workbench.tests.factories import client_for, make_cast, register

pytestmark = pytest.mark.django_db


def test_the_signed_reply_prints_with_its_remedies() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    services.application_draft_reply(
        actor=cast.staff, application=application, result="partially_disclosed", reasons="第3页涉及个人隐私"
    )
    reply = services.application_sign_reply(
        actor=cast.head, application=application, replied_on=date(2025, 3, 20)
    )
    page = (
        client_for(cast.staff)
        .get(f"/staff/applications/{application.pk}/notices/{reply.pk}/")
        .content.decode()
    )
    notice = reply.data["notice"]
    assert notice["title"] in page
    assert "第3页涉及个人隐私" in page
    assert "60日内" in page and "6个月内" in page
    assert 'class="notice-sheet"' in page
    assert "尚未签发的答复稿" not in page


def test_a_draft_prints_marked_as_a_draft() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    draft = services.application_draft_reply(actor=cast.staff, application=application, result="disclosed")
    page = (
        client_for(cast.head)
        .get(f"/staff/applications/{application.pk}/notices/{draft.pk}/")
        .content.decode()
    )
    assert "尚未签发的答复稿" in page


def test_staff_of_another_body_cannot_print_it() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    draft = services.application_draft_reply(actor=cast.staff, application=application, result="disclosed")
    response = client_for(cast.outsider).get(f"/staff/applications/{application.pk}/notices/{draft.pk}/")
    assert response.status_code == 404
