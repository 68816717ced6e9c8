"""Writing the audit log."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gongkai.core.models import AuditLog

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    from gongkai.agencies.models import Agency


def audit_record(
    *,
    action: str,
    actor: User | AnonymousUser | None = None,
    agency: Agency | None = None,
    obj: Any = None,
    message: str = "",
    refused: bool = False,
    detail: dict[str, Any] | None = None,
) -> AuditLog:
    """Append one line to the audit log. Refusals are logged too (they must survive a rollback:
    callers log a refusal outside the transaction that was refused)."""
    user = actor if actor is not None and actor.is_authenticated else None
    return AuditLog.objects.create(
        action=action,
        actor=user,
        agency=agency,
        object_type=type(obj).__name__ if obj is not None else "",
        object_id=str(getattr(obj, "pk", "") or "") if obj is not None else "",
        message=message,
        outcome=AuditLog.Outcome.REFUSED if refused else AuditLog.Outcome.DONE,
        detail=detail or {},
    )
