"""Bearer-token authentication: `Authorization: Bearer <token>`; a token acts for its own body only."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja.security import HttpBearer

from gongkai.agencies.models import Agency
from gongkai.api.models import ApiToken
from gongkai.api.tokens import api_token_authenticate
from gongkai.core.audit import audit_record


class AgencyToken(HttpBearer):
    """Resolves the request's token to its active ApiToken; a missing, unknown or revoked token is a 401."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        return api_token_authenticate(token.strip())


def require_token_for(request: HttpRequest, code: str) -> Agency:
    """The body named in the URL, provided the request's token belongs to it.

    A token of another body is refused (403) and the refusal logged, whether or not the code exists,
    so that a token cannot be used to probe which bodies exist."""
    token: ApiToken = request.auth  # type: ignore[attr-defined]
    if token.agency.code != code:
        audit_record(
            action="api_refused",
            agency=token.agency,
            obj=token,
            refused=True,
            message=f"接口令牌“{token.name}”（{token.agency.name}）试图代表机关 {code} 操作",
            detail={"path": request.path, "method": request.method or ""},
        )
        raise PermissionDenied(f"该接口令牌属于{token.agency.name}，只能办理本机关的申请。")
    return token.agency
