"""The page of findings in a body's published items lists the first 200 (newest items first) and counts
them all: an import of a body's old site can bring tens of thousands of numbers, which made one page of
them all."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.publications import staff_views
from gongkai.publications.tests.factories import load_lines, make_cast

pytestmark = pytest.mark.django_db


def test_two_hundred_listed_of_three_hundred() -> None:
    cast = make_cast()
    numbers = "，".join(f"1{3 + i % 7}{i:09d}" for i in range(300))
    result = load_lines(
        cast.agency, [{"title": "2019年补助名单", "published": "2019-05-01", "body": numbers}]
    )
    assert result.findings == 300
    client = Client()
    client.force_login(cast.reviewer)
    page = client.get(f"/staff/publications/agencies/{cast.agency.code}/findings/").content.decode()
    assert page.count('class="finding"') == staff_views.PUBLISHED_FINDINGS_SHOWN == 200
    assert "待处理 <strong>300</strong> 处" in page and "即列出其余 100 处" in page
