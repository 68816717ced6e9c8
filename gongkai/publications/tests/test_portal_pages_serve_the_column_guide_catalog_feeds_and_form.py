"""The public pages: the body's column with its catalog and counts, the guide as staff edited it, a category
page, the Atom feeds, the application form as DOCX, the search page with filters and bad input; drafts and
withdrawn items are nowhere; pages are cacheable and work without JavaScript (plain links and forms)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.test import Client

from gongkai.publications import catalog_services
from gongkai.publications.tests.factories import category, draft, make_cast, publish

pytestmark = pytest.mark.django_db


def test_column_guide_category_feed_and_form() -> None:
    cast = make_cast()
    item = publish(cast, draft(cast))
    hidden = draft(cast, title="尚在起草的信息")
    catalog_services.guide_update(
        actor=cast.staff, agency=cast.agency, address="宁波市海曙区解放南路1号", hours="工作日 9:00–17:00"
    )
    client = Client()

    column = client.get("/disclosure/NB-FGW/")
    text = column.content.decode()
    assert column.status_code == 200 and "public" in column["Cache-Control"]
    assert item.title in text and hidden.title not in text and "主动公开目录" in text
    assert 'href="#main"' in text  # the skip link
    assert "宁波市海曙区解放南路1号" in client.get("/disclosure/NB-FGW/guide/").content.decode()

    page = client.get(f"/disclosure/NB-FGW/catalog/{category(cast.agency, '政策文件').pk}/")
    assert item.title in page.content.decode()  # items of the sub-categories too

    feed = client.get("/disclosure/NB-FGW/feed.atom")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
    assert item.title in feed.content.decode() and hidden.title not in feed.content.decode()
    assert client.get(f"/disclosure/NB-FGW/catalog/{item.category_id}/feed.atom").status_code == 200

    form = client.get("/apply/NB-FGW/form.docx")
    import docx

    document = docx.Document(io.BytesIO(form.content))
    cells = " ".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "所需政府信息的名称、文号" in cells and "宁波市发展和改革委员会" in document.paragraphs[0].text


def test_search_page_filters_and_bad_input() -> None:
    cast = make_cast()
    publish(cast, draft(cast))
    client = Client()
    found = client.get("/disclosure/search/", {"q": "重点 建设", "agency": "NB", "subtree": "on"})
    assert "共 <strong>1</strong> 条结果" in found.content.decode() and "<mark>" in found.content.decode()
    none = client.get("/disclosure/search/", {"q": "重点", "agency": "NB-JYJ"})
    assert "没有找到" in none.content.decode()
    bad = client.get("/disclosure/search/", {"q": "重点", "year": "abc", "page": "-1"})
    assert bad.status_code == 400 and "发布年度" in bad.content.decode()
    long = client.get("/disclosure/search/", {"q": "字" * 500})
    assert long.status_code == 400


def test_unknown_and_unpublished_addresses_are_404() -> None:
    cast = make_cast()
    item = draft(cast)
    client = Client()
    assert client.get("/disclosure/NOPE/").status_code == 404
    assert client.get("/disclosure/NB-FGW/2024-00001/").status_code == 404
    assert client.get(f"/disclosure/NB-FGW/catalog/{category(cast.other, '政策文件').pk}/").status_code == 404
    publish(cast, item)
    assert client.get(item.get_absolute_url().replace("NB-FGW", "NB-JYJ")).status_code == 404


def test_the_document_page_shows_the_catalog_beside_it() -> None:
    cast = make_cast()
    item = publish(cast, draft(cast))
    page = Client().get(item.get_absolute_url()).content.decode()
    assert "行政规范性文件" in page and "机构概况" in page  # the body's catalog tree


def test_the_document_page_shows_the_date_a_document_takes_effect_when_it_has_one() -> None:
    cast = make_cast()
    dated = publish(cast, draft(cast, validity="in_force", effective_on=date(2025, 1, 1)))
    undated = publish(cast, draft(cast, title="关于召开座谈会的通知", doc_number=""))
    page = Client().get(dated.get_absolute_url()).content.decode()
    assert '<th scope="row">施行日期</th><td colspan="3">2025-01-01</td>' in page
    assert "施行日期" not in Client().get(undated.get_absolute_url()).content.decode()
