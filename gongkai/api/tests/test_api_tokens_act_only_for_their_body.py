"""A body's call needs `Authorization: Bearer <token>` with an active token of that same body: a missing,
wrong or revoked token gets 401, another body's token 403 (logged); the answers are in Chinese."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.api.models import ApiToken
from gongkai.api.tests.factories import bearer, make_agency, make_token
from gongkai.api.tokens import api_token_revoke
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db

URL = "/api/agencies/XS-ZRZY/applications"


def test_a_call_without_a_token_is_refused_with_401(client: Client) -> None:
    make_agency()
    response = client.get(URL)
    assert response.status_code == 401
    assert "Authorization: Bearer" in response.json()["detail"]
    assert response["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize("header", ["Bearer gk_not-a-real-token", "Bearer ", "Token abc", "gk_abc"])
def test_a_wrong_token_is_refused_with_401(client: Client, header: str) -> None:
    agency = make_agency()
    make_token(agency)
    response = client.get(URL, headers={"Authorization": header})
    assert response.status_code == 401
    assert "令牌" in response.json()["detail"]


def test_a_revoked_token_is_refused_with_401(client: Client) -> None:
    agency = make_agency()
    token, raw = make_token(agency)
    assert client.get(URL, headers=bearer(raw)).status_code == 200
    api_token_revoke(token=token)
    assert client.get(URL, headers=bearer(raw)).status_code == 401


def test_another_body_s_token_is_refused_with_403_and_logged(client: Client) -> None:
    make_agency()
    other = make_agency("XS-JYJ", "象山县教育局")
    _, raw = make_token(other)
    response = client.get(URL, headers=bearer(raw))
    assert response.status_code == 403
    assert response.json()["detail"] == "该接口令牌属于象山县教育局，只能办理本机关的申请。"
    refusal = AuditLog.objects.get(action="api_refused")
    assert refusal.outcome == AuditLog.Outcome.REFUSED
    assert refusal.agency == other
    # The same for a body that does not exist: a token cannot probe which codes exist.
    assert client.get("/api/agencies/NOPE/applications", headers=bearer(raw)).status_code == 403


def test_a_good_token_is_accepted_and_its_use_recorded(client: Client) -> None:
    agency = make_agency()
    token, raw = make_token(agency)
    assert token.last_used is None
    response = client.get(URL, headers=bearer(raw))
    assert response.status_code == 200
    assert ApiToken.objects.get(pk=token.pk).last_used is not None
