"""Invisible format characters (zero-width space, soft hyphen, direction marks, BOM), which text copied from
web pages and word processors carries, are dropped by the normal form as whitespace is: an item whose title
holds one inside a word is found by the word, a query pasted with one finds the item, and the highlight
marks the word as written. Before, "\\u202e发展" found nothing, nor did "重点建设" find "重点\\u200b建设"."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.applications.selectors import applications_queue
from gongkai.applications.tests.factories import make_cast as make_application_cast
from gongkai.applications.tests.factories import register
from gongkai.publications.tests.factories import draft, make_cast, publish
from gongkai.search import text
from gongkai.search.highlight import marked
from gongkai.search.selectors import search_publications

pytestmark = pytest.mark.django_db


def test_the_normal_form_drops_them() -> None:
    assert text.normalize("\ufeff重点\u200b建\u00ad设\u200e项目\u202e") == "重点建设项目"
    assert text.split_terms("\u202e发展 \u200b") == ["发展"]


def test_an_item_is_found_across_them_and_a_pasted_query_finds_it() -> None:
    cast = make_cast()
    hidden = publish(cast, draft(cast, title="关于重点\u200b建设项目的通知", doc_number="", body="见附件。"))
    plain = publish(cast, draft(cast, title="关于发展改革工作的通知", doc_number="", body="见附件。"))
    assert [h.index_number for h in search_publications("重点建设").hits] == [hidden.index_number]
    assert [h.index_number for h in search_publications("\u202e发展\u200b改革").hits] == [plain.index_number]
    api = Client().get("/api/publications/search", {"q": "\u200f重点建设"}).json()
    assert [h["index_number"] for h in api["hits"]] == [hidden.index_number]
    parts = marked("关于重点\u200b建设项目的通知", text.split_terms("重点建设"))
    assert [p.text for p in parts if p.mark] == ["重点\u200b建设"]


def test_the_staff_queue_search_drops_them_too() -> None:
    cast = make_application_cast()
    application = register(cast, None, channel="online", description="请公开重点\u200b建设项目的批复")
    page = applications_queue([cast.agency], q="重点建设")
    assert [a.pk for a in page.object_list] == [application.pk]
