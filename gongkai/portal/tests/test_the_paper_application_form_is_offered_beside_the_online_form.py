"""The application form to print (申请表, DOCX) is offered beside the online form: on the online form's own
page, and in the guide even when staff wrote the guide's 依申请公开 text themselves (that text replaced the
default paragraph, and its two links with it)."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.publications import catalog_services
from gongkai.publications.tests.factories import make_cast

pytestmark = pytest.mark.django_db


def test_the_online_form_and_the_guide_link_the_paper_form() -> None:
    cast = make_cast()
    client = Client()
    apply = client.get("/apply/NB-FGW/").content.decode()
    assert 'href="/apply/NB-FGW/form.docx"' in apply

    catalog_services.guide_update(
        actor=cast.staff, agency=cast.agency, how_to_apply="申请人可以到本机关办公室当面提出申请。"
    )
    guide = client.get("/disclosure/NB-FGW/guide/").content.decode()
    assert "申请人可以到本机关办公室当面提出申请。" in guide
    assert 'href="/apply/NB-FGW/form.docx"' in guide and 'href="/apply/NB-FGW/"' in guide
    assert client.get("/apply/NB-FGW/form.docx").status_code == 200
