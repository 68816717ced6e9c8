"""The applicant's own status page holds their request and notices: neither the browser nor a proxy may
keep a copy, whether the page follows the look-up or comes back with a correction's errors."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.applications import services
from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.tests.factories import SHANGHAI
from gongkai.portal.tests.factories import PERSON, make_cast

pytestmark = pytest.mark.django_db


def test_the_status_page_and_its_correction_errors_are_not_cached() -> None:
    cast = make_cast()
    application, code = services.application_submit_online(
        agency=cast.agency, applicant=ApplicantDetails(**PERSON)
    )
    assert application.submitted_at is not None  # submitted online
    services.application_confirm_receipt(
        actor=cast.staff,
        application=application,
        received_on=application.submitted_at.astimezone(SHANGHAI).date(),
    )
    assert application.received_on is not None
    services.application_request_correction(
        actor=cast.staff,
        application=application,
        notified_on=application.received_on,
        items="请写明文号",
        period_workdays=10,
    )
    client = Client()
    client.post("/status/", {"number": application.number, "query_code": code})

    page = client.get("/status/")
    assert application.number in page.content.decode()
    assert page["Cache-Control"] == "no-store"

    refused = client.post("/status/correction/", {"description": "  "})
    assert 'action="/status/correction/"' in refused.content.decode()
    assert refused["Cache-Control"] == "no-store"
