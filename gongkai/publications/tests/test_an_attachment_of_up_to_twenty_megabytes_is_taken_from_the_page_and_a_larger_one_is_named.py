"""The drafting page's upload takes an attachment up to the 20 MB its form promises, of any accepted kind: the
request's default caps (10 MB) dropped a 15 MB file as it arrived and the page then said only "这个字段是必填项".
A file past 20 MB is named with the cap in Chinese; a request far past it is refused before it is read; a
reviewer (who may not attach) is refused before a byte of the upload is kept."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from gongkai.publications.models import Attachment, Publication
from gongkai.publications.tests.factories import draft, make_cast
from gongkai.publications.tests.files import PNG

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


@pytest.fixture(autouse=True)
def media(tmp_path: object) -> object:
    with override_settings(MEDIA_ROOT=str(tmp_path)):
        yield


def image(megabytes: int) -> bytes:
    return PNG + b"\0" * (megabytes * MB - len(PNG))


def attach(client: Client, item: Publication, name: str, data: bytes, content_type: str) -> Any:
    """The drafting page's upload of one file to the item."""
    return client.post(
        f"/staff/publications/{item.pk}/actions/attach/",
        {"file": SimpleUploadedFile(name, data, content_type=content_type)},
    )


def signed_in(user: User, *, enforce_csrf_checks: bool = False) -> Client:
    client = Client(enforce_csrf_checks=enforce_csrf_checks)
    client.force_login(user)
    return client


def test_a_fifteen_megabyte_image_is_attached() -> None:
    cast = make_cast()
    item = draft(cast)
    client = signed_in(cast.staff)
    response = attach(client, item, "总平面图.png", image(15), "image/png")
    assert response.status_code == 302, response.content.decode()[:2000]
    attachment = Attachment.objects.get(publication=item)
    assert attachment.size == 15 * MB and attachment.name == "总平面图.png"


def test_a_file_past_twenty_megabytes_is_named_with_the_cap_and_nothing_is_stored() -> None:
    cast = make_cast()
    item = draft(cast)
    client = signed_in(cast.staff)
    response = attach(client, item, "扫描件.pdf", b"%PDF-1.7\n" + b"0" * (20 * MB), "application/pdf")
    page = response.content.decode()
    assert response.status_code == 400
    assert "扫描件.pdf" in page and "20 MB" in page
    assert "必填" not in page
    assert not Attachment.objects.exists()


def test_a_request_far_past_the_cap_is_refused_before_it_is_read() -> None:
    cast = make_cast()
    item = draft(cast)
    client = signed_in(cast.staff)
    response = attach(client, item, "大.png", image(23), "image/png")
    assert response.status_code == 413
    assert "附件约 23.0 MB，超过上限 20 MB" in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_reviewer_may_not_attach_and_is_refused() -> None:
    cast = make_cast()
    item = draft(cast)
    client = signed_in(cast.reviewer)
    response = attach(client, item, "图.png", image(1), "image/png")
    assert response.status_code == 403
    assert not Attachment.objects.exists()


def test_an_upload_or_an_action_without_the_csrf_token_is_still_refused() -> None:
    cast = make_cast()
    item = draft(cast)
    client = signed_in(cast.staff, enforce_csrf_checks=True)
    response = attach(client, item, "图.png", image(1), "image/png")
    assert response.status_code == 403
    assert client.post(f"/staff/publications/{item.pk}/actions/submit/").status_code == 403
    item.refresh_from_db()
    assert not Attachment.objects.exists() and item.status == "draft"
