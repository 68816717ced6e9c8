"""A request to the API that Django refuses before any view (more parameters than it reads, a body larger
than it reads) is a 400 in JSON with a Chinese detail, as every other error of the API; it was the site's
HTML error page. The site's pages keep their HTML page."""

from __future__ import annotations

import json

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def test_too_many_parameters_and_a_body_too_large_are_json() -> None:
    client = Client()
    query = "&".join(f"x{i}=1" for i in range(1100))
    response = client.get(f"/api/publications?{query}")
    assert response.status_code == 400 and response["Content-Type"].startswith("application/json")
    assert response.json()["detail"] == "请求的参数过多，无法处理。"

    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=100):
        response = client.post(
            "/api/status",
            json.dumps({"number": "1" * 200, "query_code": "x"}),
            content_type="application/json",
        )
    assert response.status_code == 400 and response.json()["detail"] == "请求体过大，无法处理。"

    page = client.get(f"/disclosure/search/?{query}")
    assert page.status_code == 400 and page["Content-Type"].startswith("text/html")
