"""The body is rich text: HTML through an allow-list, plain text as paragraphs. Scripts, event handlers,
styles and javascript: links never reach the database nor the page."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.publications.models import Publication
from gongkai.publications.sanitize import body_text, sanitize_body
from gongkai.publications.tests.factories import draft, make_cast, publish

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p onclick="steal()">第一条<script>alert(1)</script><style>body{display:none}</style>'
    '<a href="javascript:alert(2)">链接</a><img src=x onerror=alert(3)><iframe src="//evil"></iframe>'
    '<a href="https://www.gov.cn/">中国政府网</a></p><table><tr><td colspan="2">表格</td></tr></table>'
)


def test_scripts_and_handlers_are_removed_and_structure_kept() -> None:
    clean = sanitize_body(HOSTILE)
    for bad in ("<script", "onclick", "onerror", "javascript:", "<style", "<iframe", "<img", "alert(1)"):
        assert bad not in clean
    assert '<a href="https://www.gov.cn/"' in clean and 'colspan="2"' in clean and "第一条" in clean


def test_plain_text_becomes_escaped_paragraphs() -> None:
    assert sanitize_body("第一行 <b\n\n第二行") == "<p>第一行 &lt;b</p><p>第二行</p>"
    assert body_text("<p>第一段</p><p>第二段</p>") == "第一段\n第二段"


def test_a_hostile_body_is_stored_and_shown_clean() -> None:
    cast = make_cast()
    item = publish(cast, draft(cast, body=HOSTILE))
    stored = Publication.objects.get(pk=item.pk).body
    assert "<script" not in stored and "onclick" not in stored
    page = Client().get(item.get_absolute_url()).content.decode()
    assert "alert(1)" not in page and "javascript:" not in page and "中国政府网" in page
