"""Every answer of the API is JSON, its errors included: an unknown path is a JSON 404, a body that is not
JSON a JSON 400; both are in the OpenAPI schema beside the other errors, and the list's `state` parameter
is an enum there."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_an_unknown_path_is_a_json_404_in_chinese(client: Client) -> None:
    for path in ("/api/nothing-here", "/api/agencies/NB/unknown", "/api/status/extra"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response["Content-Type"].startswith("application/json")
        assert response.json() == {"detail": "未找到。"}


def test_a_body_that_is_not_json_is_a_json_400(client: Client) -> None:
    response = client.post("/api/status", "number=1&query_code=2", content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "不是有效的 JSON" in response.json()["detail"] or "无法解析" in response.json()["detail"]


def test_the_schema_describes_the_errors_and_the_state_enum(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    status = schema["paths"]["/api/status"]["post"]["responses"]
    assert {"200", "400", "404", "422", "429"} <= set(status)
    listing = schema["paths"]["/api/agencies/{code}/applications"]["get"]
    assert {"400", "401", "403", "404", "422"} <= set(listing["responses"])
    [state] = [parameter for parameter in listing["parameters"] if parameter["name"] == "state"]
    enum = state["schema"].get("enum") or schema["components"]["schemas"]["DeadlineState"]["enum"]
    assert enum == ["overdue", "due_soon", "ok"]
    assert "不存在的接口地址" in schema["info"]["description"]
