"""The API describes itself: the OpenAPI schema at /api/openapi.json and the docs at /api/docs, served
from the project's own static files (an intranet may have no CDN)."""

from __future__ import annotations

from django.test import Client


def test_the_openapi_schema_lists_every_endpoint_with_bearer_auth(client: Client) -> None:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "公开 Gongkai API"
    paths = schema["paths"]
    assert set(paths) == {
        "/api/status",
        "/api/agencies/{code}/applications",
        "/api/agencies/{code}/applications/{number}",
        "/api/publications",
        "/api/publications/search",
        "/api/publications/{code}/{serial}",
    }
    assert set(paths["/api/agencies/{code}/applications"]) == {"get", "post"}
    assert schema["components"]["securitySchemes"]["AgencyToken"] == {"type": "http", "scheme": "bearer"}
    # The public status query needs no token; the body's calls do.
    assert "security" not in paths["/api/status"]["post"]
    assert all("security" not in paths[p]["get"] for p in paths if p.startswith("/api/publications"))
    assert paths["/api/agencies/{code}/applications"]["post"]["security"] == [{"AgencyToken": []}]
    submit = schema["components"]["schemas"]["ApplicationSubmitIn"]
    assert submit["properties"]["received_on"]["title"] == "收到日期"


def test_the_docs_page_is_served_without_a_cdn(client: Client) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
