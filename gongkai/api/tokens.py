"""Making, revoking and checking API tokens. Every change is written to the audit log."""

from __future__ import annotations

import hashlib
import secrets
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.agencies.permissions import require_admin
from gongkai.api.models import NAME_MAX_LENGTH, ApiToken
from gongkai.core.audit import audit_record

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from gongkai.agencies.models import Agency

TOKEN_PREFIX = "gk_"  # noqa: S105 (a marker that tells our tokens apart, not a secret)
PREFIX_SHOWN = 10


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, agency: Agency, name: str, actor: User | None = None) -> tuple[ApiToken, str]:
    """Make a token for one body. Returns the record and the token, which is never shown again.

    `actor` is the administrator who asked for it; None when run from the server's shell, whose user is
    trusted as an administrator already."""
    if actor is not None:
        require_admin(actor)
    name = name.strip()
    if not name:
        raise ValidationError("令牌名称不能为空。")
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError(f"令牌名称不能超过 {NAME_MAX_LENGTH} 个字符。")
    if ApiToken.objects.filter(agency=agency, name=name, revoked_at__isnull=True).exists():
        raise ValidationError(f"{agency.name}已有名为“{name}”的有效令牌；请换一个名称，或先吊销原令牌。")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        agency=agency, name=name, token_hash=hash_token(raw), prefix=raw[:PREFIX_SHOWN], created_by=actor
    )
    audit_record(
        action="api_token_create",
        actor=actor,
        agency=agency,
        obj=token,
        message=f"为{agency.name}创建接口令牌“{name}”（{token.prefix}…）",
    )
    return token, raw


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor: User | None = None) -> ApiToken:
    """Revoke a token at once; a revoked token is refused from the next request on."""
    if actor is not None:
        require_admin(actor)
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise ValidationError(
            f"令牌“{token.name}”已于 {timezone.localtime(token.revoked_at):%Y-%m-%d %H:%M} 吊销。"
        )
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(
        action="api_token_revoke",
        actor=actor,
        agency=token.agency,
        obj=token,
        message=f"吊销{token.agency.name}的接口令牌“{token.name}”（{token.prefix}…）",
    )
    return token


def api_token_authenticate(raw: str) -> ApiToken | None:
    """The active token with this value, or None. Marks it as used now."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("agency")
        .filter(token_hash=hash_token(raw), revoked_at__isnull=True)
        .first()
    )
    if token is not None:
        token.last_used = timezone.now()
        ApiToken.objects.filter(pk=token.pk).update(last_used=token.last_used)
    return token
