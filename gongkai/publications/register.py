"""The body's register of normative documents: from which year it is complete in Gongkai."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import require_head, require_role
from gongkai.core.audit import audit_record
from gongkai.publications.models import NormativeRegister

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User


def normative_register_set(
    *, agency: Agency, complete_from: int | None, actor: User | AnonymousUser | None
) -> NormativeRegister | None:
    """Mark the register complete from `complete_from` (None: not complete for any year). The head decides
    (None actor: the command line, run by an administrator)."""
    if actor is not None:
        require_role(actor, agency, require_head, action="normative_register_set")
    if complete_from is not None and not 2008 <= complete_from <= timezone.localdate().year:
        raise ValidationError(f"起始年度应在 2008–{timezone.localdate().year} 之间：{complete_from}")
    with transaction.atomic():
        before = NormativeRegister.objects.filter(agency=agency).first()
        old = before.complete_from if before else None
        if complete_from is None:
            NormativeRegister.objects.filter(agency=agency).delete()
            register = None
        else:
            register, _ = NormativeRegister.objects.update_or_create(
                agency=agency,
                defaults={
                    "complete_from": complete_from,
                    "set_by": actor if actor and actor.is_authenticated else None,
                },
            )
        audit_record(
            action="normative_register_set",
            actor=actor,
            agency=agency,
            message=f"规范性文件记录完整起始年度：{old or '未设定'} → {complete_from or '未设定'}",
            detail={"before": old, "after": complete_from},
        )
    return register
