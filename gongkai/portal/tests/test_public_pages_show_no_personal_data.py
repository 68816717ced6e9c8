"""No applicant's personal data on a public page: the home page and the forms show bodies only, and a
status page shows only the application opened with its own number and code."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.applications import services
from gongkai.applications.intake import ApplicantDetails
from gongkai.portal.tests.factories import PERSON, make_cast

pytestmark = pytest.mark.django_db


def test_the_public_pages_name_no_applicant() -> None:
    cast = make_cast()
    application, _ = services.application_submit_online(
        agency=cast.agency, applicant=ApplicantDetails(**PERSON)
    )
    client = Client()
    for url in ("/", "/apply/NB-FGW/", "/status/", "/applied/"):
        html = client.get(url, follow=True).content.decode()
        for value in (
            PERSON["applicant_name"],
            PERSON["applicant_id_number"],
            PERSON["phone"],
            PERSON["email"],
            application.description,
        ):
            assert value not in html, (url, value)
    assert "宁波市发展和改革委员会" in client.get("/").content.decode()
