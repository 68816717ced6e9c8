"""Answers that hold an applicant's particulars, a query code or one application's progress carry
`Cache-Control: no-store`, as the portal's status pages do: a platform's HTTP cache or a proxy kept them
(they had no caching header at all)."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from gongkai.api.tests.factories import (
    bearer,
    make_agency,
    make_token,
    monday,  # noqa: F401 (a fixture)
)
from gongkai.applications.tests.factories import PERSON

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("monday")]

URL = "/api/agencies/XS-ZRZY/applications"


def test_submit_list_detail_and_status_query_are_no_store() -> None:
    raw = make_token(make_agency())[1]
    client = Client()
    submitted = client.post(URL, json.dumps(PERSON), content_type="application/json", headers=bearer(raw))
    assert submitted.status_code == 201 and submitted["Cache-Control"] == "no-store"
    number, code = submitted.json()["number"], submitted.json()["query_code"]

    listed = client.get(URL, headers=bearer(raw))
    assert listed.status_code == 200 and listed["Cache-Control"] == "no-store"
    detail = client.get(f"{URL}/{number}", headers=bearer(raw))
    assert detail.status_code == 200 and detail.json()["applicant_name"] == PERSON["applicant_name"]
    assert detail["Cache-Control"] == "no-store"

    status = client.post(
        "/api/status", json.dumps({"number": number, "query_code": code}), content_type="application/json"
    )
    assert status.status_code == 200 and status["Cache-Control"] == "no-store"
