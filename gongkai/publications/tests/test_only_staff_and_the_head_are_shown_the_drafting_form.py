"""The drafting and editing forms are shown only to those who may save them (the body's staff and head):
a reviewer or a supervising office gets the 403 page, logged, instead of a form that is refused only
after it has been filled in."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.core.models import AuditLog
from gongkai.publications.tests.factories import draft, make_cast

pytestmark = pytest.mark.django_db


def test_a_reviewer_and_a_supervisor_are_refused_the_forms() -> None:
    cast = make_cast()
    item = draft(cast)
    for user in (cast.reviewer, cast.supervisor):
        client = Client()
        client.force_login(user)
        assert client.get(f"/staff/publications/agencies/{cast.agency.code}/new/").status_code == 403
        assert client.get(f"/staff/publications/{item.pk}/edit/").status_code == 403
        assert client.get(f"/staff/publications/{item.pk}/").status_code == 200  # they still read it
    refused = AuditLog.objects.filter(outcome="refused")
    assert refused.filter(action="publications_create").count() == 2
    assert refused.filter(action="publication_edit").count() == 2


def test_staff_and_the_head_get_the_forms() -> None:
    cast = make_cast()
    item = draft(cast)
    for user in (cast.staff, cast.head):
        client = Client()
        client.force_login(user)
        assert client.get(f"/staff/publications/agencies/{cast.agency.code}/new/").status_code == 200
        assert client.get(f"/staff/publications/{item.pk}/edit/").status_code == 200
