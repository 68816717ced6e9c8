"""The Atom feeds of a body and of a category answer with the same Cache-Control as the portal's pages, so
that shared caches keep them a few minutes (aggregators poll them); a feed of an unknown body or category
is a 404 that is not kept."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.publications.public_views import PUBLIC_MAX_AGE
from gongkai.publications.tests.factories import draft, make_cast, publish

pytestmark = pytest.mark.django_db


def test_the_feeds_are_public_for_a_few_minutes_and_their_404s_are_not() -> None:
    cast = make_cast()
    item = publish(cast, draft(cast))
    client = Client()
    for path in ("/disclosure/NB-FGW/feed.atom", f"/disclosure/NB-FGW/catalog/{item.category_id}/feed.atom"):
        feed = client.get(path)
        assert feed.status_code == 200 and item.title in feed.content.decode()
        assert feed["Cache-Control"] == f"public, max-age={PUBLIC_MAX_AGE}"
    for path in ("/disclosure/NOPE/feed.atom", "/disclosure/NB-FGW/catalog/999999/feed.atom"):
        missing = client.get(path)
        assert missing.status_code == 404 and "public" not in missing.get("Cache-Control", "")
