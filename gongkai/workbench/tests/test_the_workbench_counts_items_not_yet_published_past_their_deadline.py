"""The workbench's home page counts a body's items not yet published and already past the deadline of
条例第二十六条 (20 working days from being made or changed), and links to the list of them; it showed only
the items waiting for review, so a draft forgotten past its deadline was flagged only in the long list.
An item on time, or published, is not counted."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from gongkai.publications.tests.factories import draft, make_cast, publish

pytestmark = pytest.mark.django_db


def test_a_draft_past_its_deadline_is_counted_on_the_home_page_and_listed() -> None:
    cast = make_cast()
    today = timezone.localdate()
    forgotten = draft(cast, title="早已成文却未发布的通知", made_on=today - timedelta(days=60))
    draft(cast, title="昨天成文的通知", made_on=today - timedelta(days=1))
    publish(cast, draft(cast, title="逾期后才发布的通知", made_on=today - timedelta(days=60)))
    client = Client()
    client.force_login(cast.staff)

    home = client.get("/staff/").content.decode()
    assert "已超公开时限未发布 1" in home
    assert 'href="/staff/publications/agencies/NB-FGW/?late=1"' in home

    listed = client.get("/staff/publications/agencies/NB-FGW/", {"late": "1"}).content.decode()
    assert forgotten.title in listed
    assert "昨天成文的通知" not in listed and "逾期后才发布的通知" not in listed
