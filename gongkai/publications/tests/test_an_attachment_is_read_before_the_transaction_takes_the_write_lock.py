"""An attachment's text is read before the service's transaction begins: reading a long PDF takes up to
`EXTRACT_SECONDS`, and on SQLite a transaction holds the database's one write lock from its BEGIN, so every
other change in Gongkai would wait (and fail past the busy timeout) meanwhile. Whoever may not attach is
refused, and logged, without the file being read."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import override_settings

from gongkai.core.models import AuditLog
from gongkai.publications import attachments, services
from gongkai.publications.models import Attachment
from gongkai.publications.tests.factories import draft, make_cast
from gongkai.publications.tests.files import pdf_with_text

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> object:
    seen: list[bool] = []
    check = attachments.check_file

    def watched(name: str, data: bytes) -> attachments.CheckedFile:
        seen.append(connection.in_atomic_block)
        return check(name, data)

    monkeypatch.setattr(attachments, "check_file", watched)
    with override_settings(MEDIA_ROOT=str(tmp_path)):
        yield seen


def test_the_file_is_read_outside_any_transaction(reads: list[bool]) -> None:
    cast = make_cast()
    item = draft(cast)
    services.publication_add_attachment(
        actor=cast.staff, publication=item, name="通知.pdf", data=pdf_with_text("象山港大桥")
    )
    assert reads == [False]
    assert "象山港大桥" in Attachment.objects.get().text


def test_a_refused_actor_is_logged_and_the_file_never_read(reads: list[bool]) -> None:
    cast = make_cast()
    item = draft(cast)
    with pytest.raises(PermissionDenied):
        services.publication_add_attachment(
            actor=cast.outsider, publication=item, name="通知.pdf", data=pdf_with_text("象山港大桥")
        )
    assert reads == []
    assert AuditLog.objects.filter(action="publication_add_attachment", outcome="refused").count() == 1
    assert Attachment.objects.count() == 0
