"""The Atom feeds read only the beginning of each body for an entry's summary, and the lists of items
(the column, the index, category pages) no body at all: a feed of 30 items with rich bodies of a megabyte
and a half took 18 seconds, for any anonymous reader, since each body was parsed whole."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest
from django.test import Client

from gongkai.publications import feeds, sanitize
from gongkai.publications.models import Publication
from gongkai.publications.tests.factories import draft, make_cast, publish

pytestmark = pytest.mark.django_db

RICH = "<p>宁波市<strong>重点</strong>建设项目计划印发各区县</p>" * 40_000
ATOM = "{http://www.w3.org/2005/Atom}"


def test_a_feed_of_long_rich_bodies_parses_only_their_beginnings(monkeypatch: pytest.MonkeyPatch) -> None:
    cast = make_cast()
    items = [publish(cast, draft(cast, title=f"第{number}号公告", body="短")) for number in range(30)]
    Publication.objects.filter(pk__in=[item.pk for item in items]).update(body=RICH)
    parsed: list[int] = []
    original = sanitize.parsed_text

    def spy(body_html: str) -> str:
        parsed.append(len(body_html))
        return original(body_html)

    monkeypatch.setattr(sanitize, "parsed_text", spy)
    for url in (
        f"/disclosure/{cast.agency.code}/feed.atom",
        f"/disclosure/{cast.agency.code}/catalog/{items[0].category_id}/feed.atom",
    ):
        response = Client().get(url)
        assert response.status_code == 200
        entries = ElementTree.fromstring(response.content).findall(f"{ATOM}entry")  # noqa: S314 (our own feed)
        assert len(entries) == 30
        summary = entries[0].findtext(f"{ATOM}summary") or ""
        assert summary.startswith("宁波市重点建设项目") and len(summary) == feeds.SUMMARY
    assert parsed and max(parsed) <= feeds.HEAD


def test_lists_of_items_do_not_read_bodies() -> None:
    cast = make_cast()
    items = [publish(cast, draft(cast, title=f"第{number}号公告", body="短")) for number in range(3)]
    Publication.objects.filter(pk__in=[item.pk for item in items]).update(body=RICH)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for url in (
        "/disclosure/",
        f"/disclosure/{cast.agency.code}/",
        f"/disclosure/{cast.agency.code}/catalog/{items[0].category_id}/",
    ):
        with CaptureQueriesContext(connection) as queries:
            assert Client().get(url).status_code == 200
        publication_reads = [q["sql"] for q in queries if 'FROM "publications_publication"' in q["sql"]]
        assert publication_reads and not any(
            '"publications_publication"."body"' in sql for sql in publication_reads
        )
