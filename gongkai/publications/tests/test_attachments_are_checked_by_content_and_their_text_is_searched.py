"""Attachments: a PDF's or DOCX's text is extracted and found by the search once the item is published; a
file that claims to be a PDF and is not, an oversized file, a decompression bomb or an empty file is
refused with a Chinese message and nothing is stored; the page serves the file with its checked type."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.test import Client, override_settings

from gongkai.publications import attachments, services
from gongkai.publications.models import Attachment
from gongkai.publications.tests.factories import draft, make_cast, publish
from gongkai.publications.tests.files import PNG, docx_with_text, pdf_with_text, zip_bomb
from gongkai.search.selectors import search_publications

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(tmp_path: object) -> object:
    with override_settings(MEDIA_ROOT=str(tmp_path)):
        yield


def test_text_in_a_pdf_and_a_docx_is_found_after_publication() -> None:
    cast = make_cast()
    item = draft(cast)
    services.publication_add_attachment(
        actor=cast.staff, publication=item, name="计划表.pdf", data=pdf_with_text("栎社机场改扩建工程")
    )
    services.publication_add_attachment(
        actor=cast.staff, publication=item, name="说明.docx", data=docx_with_text("梅山湾沙滩二期项目")
    )
    assert search_publications("栎社").total == 0  # not yet published
    publish(cast, item)
    assert search_publications("栎社机场").total == 1
    assert search_publications("梅山湾 二期").total == 1
    hit = search_publications("栎社").hits[0]
    assert "附件" in "".join(p.text for p in hit.snippet_parts)


def test_a_file_that_claims_to_be_a_pdf_and_is_not_is_refused() -> None:
    cast = make_cast()
    item = draft(cast)
    for name, data, message in (
        ("报告.pdf", b"<html><script>alert(1)</script></html>", "不是可接受的文件"),
        ("报告.pdf", b"%PDF-1.7\n garbage that is no PDF", "不是可读的 PDF"),
        ("空.docx", b"", "空文件"),
        ("炸弹.docx", zip_bomb(), "压缩炸弹"),
        ("图.png", b"\x89PNG\r\n\x1a\n" + b"0" * (attachments.MAX_BYTES + 1), "超过上限"),
    ):
        with pytest.raises(ValidationError, match=message):
            services.publication_add_attachment(actor=cast.staff, publication=item, name=name, data=data)
    assert Attachment.objects.count() == 0


def test_a_png_is_stored_under_its_digest_and_served_with_its_checked_type() -> None:
    cast = make_cast()
    item = draft(cast)
    stored = services.publication_add_attachment(
        actor=cast.staff, publication=item, name="../../etc/图表.pdf", data=PNG
    )
    assert stored.file.name is not None
    assert stored.name == "图表.png" and stored.type == "png" and stored.sha256 in stored.file.name
    publish(cast, item)
    response = Client().get(f"{item.get_absolute_url()}attachments/{stored.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png" and response["X-Content-Type-Options"] == "nosniff"
    assert isinstance(response, FileResponse)  # streamed from the file
    assert b"".join(response.streaming_content) == PNG
    assert Client().get(f"{item.get_absolute_url()}attachments/{stored.pk + 99}/").status_code == 404
