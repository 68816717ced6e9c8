"""The API's answers about published items (the list, the search, one item) are the same for everyone:
shared caches may keep them five minutes, as they keep the portal's pages (they had no caching header).
An error is not kept."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.api.tests.factories import published_item_urls
from gongkai.publications.public_views import PUBLIC_MAX_AGE

pytestmark = pytest.mark.django_db


def test_the_list_the_search_and_an_item_may_be_kept_five_minutes() -> None:
    client = Client()
    for url in published_item_urls():
        response = client.get(url)
        assert response.status_code == 200
        assert response["Cache-Control"] == f"public, max-age={PUBLIC_MAX_AGE}"


def test_an_error_is_not_kept() -> None:
    client = Client()
    for url, status in (("/api/publications?page=0", 422), ("/api/publications/NB-FGW/1999-00001", 404)):
        response = client.get(url)
        assert response.status_code == status
        assert "public" not in response.get("Cache-Control", "")
