"""An item whose title or body holds characters XML 1.0 cannot hold (controls pasted from an old system,
U+FFFE) still gives a well-formed feed, of the body and of its category: it was a 500 for every reader."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from gongkai.publications.tests.factories import category, draft, make_cast, publish

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feeds_parse_and_show_the_text_without_the_bad_characters() -> None:
    cast = make_cast()
    node = category(cast.agency, "其他文件")
    publish(
        cast,
        draft(
            cast,
            title="关于\x01<b>调整</b>\x08&amp;通知\ufffe",
            issuer="宁波市\x1b发改委",
            body="<p>正文\x02第一段\x0e<script>x()</script>&lt;结束</p>",
            category=node,
        ),
    )
    node.name = "其他\x07文件"
    node.save()
    client = Client()
    for url in ("/disclosure/NB-FGW/feed.atom", f"/disclosure/NB-FGW/catalog/{node.pk}/feed.atom"):
        response = client.get(url)
        assert response.status_code == 200
        feed = ET.fromstring(response.content)  # noqa: S314 (our own feed; raises unless well-formed)
        entry = feed.find(f"{ATOM}entry")
        assert entry is not None
        assert entry.findtext(f"{ATOM}title") == "关于<b>调整</b>&amp;通知"  # escaped, read back as text
        summary = entry.findtext(f"{ATOM}summary") or ""
        assert "正文第一段" in summary and "\x02" not in summary and "x()" not in summary
        assert entry.findtext(f"{ATOM}author/{ATOM}name") == "宁波市发改委"
    response = client.get(f"/disclosure/NB-FGW/catalog/{node.pk}/feed.atom")
    category_feed = ET.fromstring(response.content)  # noqa: S314 (our own feed)
    assert category_feed.findtext(f"{ATOM}title") == "宁波市发展和改革委员会 · 其他文件"
