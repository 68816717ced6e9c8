"""An action's posted id that is not a number (a forged or mangled form: "abc", "1e5", full-width digits)
is refused on the item's page with the service's message, as an unknown id is: before, it was a 500."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.publications import services
from gongkai.publications.tests.factories import draft, make_cast

pytestmark = pytest.mark.django_db


def test_a_finding_or_attachment_id_that_is_no_number_is_a_400_with_the_reason() -> None:
    cast = make_cast()
    submitted = draft(cast, body="联系电话13800138000")
    services.publication_submit(actor=cast.staff, publication=submitted)
    reviewer = Client(raise_request_exception=False)
    reviewer.force_login(cast.reviewer)
    staff = Client(raise_request_exception=False)
    staff.force_login(cast.staff)
    editable = draft(cast)
    for value in ("abc", "1e5", "１２", "99999999999999999999999"):
        response = reviewer.post(
            f"/staff/publications/{submitted.pk}/actions/decide/", {"finding": value, "reason": "公开电话"}
        )
        assert response.status_code == 400 and "该敏感信息提示不存在或已处理" in response.content.decode()
        response = staff.post(f"/staff/publications/{editable.pk}/actions/detach/", {"attachment": value})
        assert response.status_code == 400 and "附件不存在" in response.content.decode()
