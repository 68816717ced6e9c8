"""Every page is sent with a Content-Security-Policy that allows scripts and styles from the site only,
and every page keeps to it: no inline script, no event-handler attribute, no style attribute (the browser
test checks the same pages in Chromium, which reports any violation)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.applications import services
from gongkai.applications.models import EventKind
from gongkai.portal.tests.factories import APPLY_FORM
from gongkai.workbench.tests.factories import client_for, make_cast, register

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE)
HANDLER_ATTRIBUTE = re.compile(r"<[^>]+\son[a-z]{3,20}\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)


def policy(response: object) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]  # type: ignore[index]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def assert_keeps_to_the_policy(response: object, path: str) -> None:
    assert response.status_code in (200, 400), (path, response.status_code)  # type: ignore[attr-defined]
    directives = policy(response)
    assert directives["script-src"] == ["'self'"] and directives["style-src"] == ["'self'"], path
    assert directives["frame-ancestors"] == ["'none'"], path
    html = response.content.decode()  # type: ignore[attr-defined]
    assert not INLINE_SCRIPT.search(html), (path, INLINE_SCRIPT.search(html))
    assert not HANDLER_ATTRIBUTE.search(html), (path, HANDLER_ATTRIBUTE.search(html))
    assert not STYLE_ATTRIBUTE.search(html), (path, STYLE_ATTRIBUTE.search(html))


def test_public_pages_keep_to_the_policy() -> None:
    cast = make_cast()
    client = Client()
    for path in ["/", f"/apply/{cast.agency.code}/", "/status/", "/staff/login/", "/api/docs", "/reports/"]:
        assert_keeps_to_the_policy(client.get(path), path)
    response = client.post(f"/apply/{cast.agency.code}/", APPLY_FORM, follow=True)
    assert_keeps_to_the_policy(response, "/applied/")


def test_staff_pages_keep_to_the_policy() -> None:
    cast = make_cast()
    application = register(cast, None, channel="letter", letter_kind="ordinary")
    services.application_confirm_receipt(
        actor=cast.staff, application=application, received_on=application.created_at.date()
    )
    services.application_draft_reply(actor=cast.staff, application=application, result="disclosed")
    draft = application.events.get(kind=EventKind.REPLY_DRAFTED)
    code = cast.agency.code
    paths = [
        "/staff/",
        f"/staff/agencies/{code}/applications/",
        f"/staff/agencies/{code}/applications/new/",
        f"/staff/agencies/{code}/appeals/",
        f"/staff/agencies/{code}/register/import/",
        f"/staff/agencies/{code}/register/export/",
        f"/staff/applications/{application.pk}/",
        f"/staff/applications/{application.pk}/notices/{draft.pk}/",
        "/staff/reports/",
        "/staff/reports/upload/",
        f"/staff/reports/agencies/{code}/history/",
        reverse("annual:years", args=[code]),
    ]
    staff = client_for(cast.staff)
    for path in paths:
        assert_keeps_to_the_policy(staff.get(path), path)
    supervisor = client_for(cast.supervisor)
    for path in [
        "/staff/",
        "/staff/agencies/NB/overview/",
        f"/staff/agencies/{code}/applications/",
        reverse("reports:annual_dashboard", args=["NB"]),
    ]:
        assert_keeps_to_the_policy(supervisor.get(path), path)


def test_admin_pages_keep_to_the_policy() -> None:
    from django.contrib.auth.models import User

    cast = make_cast()
    admin = User.objects.create_superuser("root", "root@example.cn", "x")
    client = client_for(admin)
    for path in [
        "/admin/",
        "/admin/auth/user/",
        f"/admin/auth/user/{cast.staff.pk}/change/",
        "/admin/agencies/agency/",
        f"/admin/agencies/agency/{cast.agency.pk}/change/",
        "/admin/core/auditlog/",
        "/admin/workdays/calendarday/",
    ]:
        assert_keeps_to_the_policy(client.get(path), path)
