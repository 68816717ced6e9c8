"""An attachment of a published item may be kept by shared caches as long as its page (five minutes), not an
hour: an item is withdrawn mostly for what its files hold, and the file stayed out there an hour after the
item left the portal. Once withdrawn it is a 404."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from gongkai.publications import services
from gongkai.publications.public_views import PUBLIC_MAX_AGE
from gongkai.publications.tests.factories import draft, make_cast, publish
from gongkai.publications.tests.files import pdf_with_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(tmp_path: object) -> object:
    with override_settings(MEDIA_ROOT=str(tmp_path)):
        yield


def test_the_file_is_public_five_minutes_and_gone_once_withdrawn() -> None:
    cast = make_cast()
    item = draft(cast)
    attachment = services.publication_add_attachment(
        actor=cast.staff, publication=item, name="名单.pdf", data=pdf_with_text("补助名单")
    )
    publish(cast, item)
    url = f"{item.get_absolute_url()}attachments/{attachment.pk}/"
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == f"public, max-age={PUBLIC_MAX_AGE}"
    services.publication_withdraw(actor=cast.head, publication=item, reason="附件含个人信息")
    assert Client().get(url).status_code == 404
