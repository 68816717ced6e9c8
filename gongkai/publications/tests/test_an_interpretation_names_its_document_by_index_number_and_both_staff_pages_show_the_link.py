"""Staff link an interpretation (政策解读) to the document it interprets by the document's 索引号, as the portal
shows it, or by the internal number its staff page now shows while it is a draft; before, only that
internal number was taken and no staff page showed it, nor the link once made. Both staff pages show the
link; an unknown index number is an error in Chinese on the form."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.publications.models import Kind, Publication
from gongkai.publications.tests.factories import category, draft, make_cast, publish

pytestmark = pytest.mark.django_db


def form(cast: object, interprets: str) -> dict[str, object]:
    return {
        "title": "《重点建设项目计划》政策解读",
        "category": category(cast.agency, "政策解读").pk,  # type: ignore[attr-defined]
        "topic": "general",
        "genre": "interpretation",
        "kind": Kind.INTERPRETATION,
        "channels": ["website"],
        "interprets": interprets,
        "body": "一、背景",
    }


def test_an_interpretation_is_linked_by_index_number_or_internal_number() -> None:
    cast = make_cast()
    document = publish(cast, draft(cast))
    client = Client()
    client.force_login(cast.staff)

    response = client.post(
        "/staff/publications/agencies/NB-FGW/new/", form(cast, document.index_number or "")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    interpretation = Publication.objects.get(kind=Kind.INTERPRETATION)
    assert interpretation.interprets == document

    page = client.get(f"/staff/publications/{interpretation.pk}/").content.decode()
    assert "解读的文件" in page and document.title in page
    page = client.get(f"/staff/publications/{document.pk}/").content.decode()
    assert "政策解读" in page and interpretation.title in page
    assert f"<dd>{document.pk}</dd>" in page  # its internal number

    edit = client.get(f"/staff/publications/{interpretation.pk}/edit/").content.decode()
    assert f'value="{document.index_number}"' in edit

    unpublished = draft(cast, title="尚未发布的文件")
    response = client.post("/staff/publications/agencies/NB-FGW/new/", form(cast, str(unpublished.pk)))
    assert response.status_code == 302
    assert Publication.objects.filter(interprets=unpublished).count() == 1


def test_an_unknown_index_number_is_an_error_on_the_form() -> None:
    cast = make_cast()
    client = Client()
    client.force_login(cast.staff)
    response = client.post("/staff/publications/agencies/NB-FGW/new/", form(cast, "NB-FGW/2099-00001"))
    assert response.status_code == 200
    assert "没有索引号为 NB-FGW/2099-00001 的信息" in response.content.decode()
    assert not Publication.objects.filter(kind=Kind.INTERPRETATION).exists()
