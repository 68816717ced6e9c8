"""The read-only endpoints answer HEAD as GET without a body (RFC 9110 §9.3.2), and a method an endpoint does
not take is a 405 in JSON with a Chinese detail and the Allow header (it was text/html, HEAD a 405 too)."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.api.tests.factories import published_item_urls
from gongkai.publications.tests.factories import draft, make_cast, publish

pytestmark = pytest.mark.django_db


def test_head_is_answered_as_get_without_a_body() -> None:
    client = Client()
    for url in published_item_urls():
        get, head = client.get(url), client.head(url)
        assert head.status_code == 200 == get.status_code
        assert head["Content-Type"] == get["Content-Type"] == "application/json; charset=utf-8"
        assert head.content == b""
        assert int(head["Content-Length"]) == len(get.content)
    assert client.head("/api/publications/NB-FGW/1999-00001").status_code == 404


def test_other_methods_are_refused_in_json_with_the_allowed_ones() -> None:
    cast = make_cast()
    item = publish(cast, draft(cast))
    client = Client()
    for url in ("/api/publications", f"/api/publications/NB-FGW/{item.serial}"):
        for method in ("post", "put", "patch", "delete", "options"):
            response = getattr(client, method)(url)
            assert response.status_code == 405, (method, url)
            assert response["Content-Type"].startswith("application/json")
            assert response["Allow"] == "GET, HEAD"
            assert "此接口不接受" in response.json()["detail"]
    status = client.get("/api/status")  # POST only
    assert status.status_code == 405 and status["Allow"] == "POST"
    assert status.json()["detail"] == "此接口不接受 GET 请求；可用的方法：POST。"
