"""The JSON API's public part for proactive disclosure: list, search and read published items, no token."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.publications.models import Kind
from gongkai.publications.tests.factories import category, draft, make_cast, publish

pytestmark = pytest.mark.django_db


def test_list_search_and_read() -> None:
    cast = make_cast()
    document = publish(
        cast, draft(cast, kind=Kind.NORMATIVE, category=category(cast.agency, "行政规范性文件"))
    )
    publish(
        cast,
        draft(
            cast,
            title="政策解读：重点建设项目计划",
            doc_number="",
            kind=Kind.INTERPRETATION,
            interprets=document,
        ),
    )
    draft(cast, title="草稿不公开")
    client = Client()

    listing = client.get("/api/publications", {"agency": "NB-FGW"}).json()
    assert listing["total"] == 2 and listing["total_is_exact"] is True
    assert "草稿不公开" not in str(listing)

    found = client.get("/api/publications/search", {"q": "甬发改投资[2024]12号"}).json()
    assert [h["index_number"] for h in found["hits"]] == [document.index_number]

    read = client.get(f"/api/publications/NB-FGW/{document.serial}").json()
    assert read["doc_number"] == "甬发改投资〔2024〕12号" and read["validity"] == "in_force"
    assert read["category"] == ["政策文件", "行政规范性文件"]
    assert [i["title"] for i in read["interpretations"]] == ["政策解读：重点建设项目计划"]
    assert client.get("/api/publications/NB-FGW/1999-00001").status_code == 404
    assert client.get("/api/publications", {"agency": "NOPE"}).status_code == 400
