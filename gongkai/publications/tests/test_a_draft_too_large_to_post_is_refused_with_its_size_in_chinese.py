"""A draft posted past the request's size limit (a body pasted from a document of hundreds of thousands of
characters) is refused with the limit and what to do instead (the full text as an attachment), in Chinese;
the page said only that the request was "incomplete or malformed". Nothing is saved."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from gongkai.publications.models import Publication
from gongkai.publications.tests.factories import make_cast

pytestmark = pytest.mark.django_db


def test_an_oversized_draft_is_told_its_limit() -> None:
    cast = make_cast()
    client = Client()
    client.force_login(cast.staff)
    characters = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 3 + 1000  # three bytes each in UTF-8
    response = client.post(
        "/staff/publications/agencies/NB-FGW/new/",
        {
            "title": "很长的条例全文",
            "topic": "general",
            "genre": "notice",
            "kind": "document",
            "body": "字" * characters,
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024 // 1024
    assert f"超过 {limit} MB 的上限" in page and "附件" in page
    assert not Publication.objects.exists()
