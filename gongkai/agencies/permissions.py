"""Who may do what for which body. Every staff action goes through these checks.

- 工作人员 (staff) and 负责人 (head) act on their own body's applications; only the head approves
  extensions and signs replies.
- 审核人 (reviewer) does the secrecy review (保密审查) of items before their publication; the head approves
  their publication (先审查、后公开). Staff and the head draft and submit items.
- 主管部门 (supervisor) reads everything in its subtree, and changes nothing there.
- 系统管理员 (admin, or a Django superuser) manages bodies, users and the calendar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from gongkai.agencies.models import Agency, Membership
from gongkai.core.audit import audit_record

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    AnyUser = User | AnonymousUser

Role = Membership.Role


def is_admin(user: AnyUser) -> bool:
    if not user.is_authenticated:
        return False
    if getattr(user, "is_superuser", False):
        return True
    return Membership.objects.filter(user=user, role=Role.ADMIN).exists()


def roles_in(user: AnyUser, agency: Agency) -> set[str]:
    """The roles the user holds directly in this body."""
    if not user.is_authenticated:
        return set()
    return set(Membership.objects.filter(user=user, agency=agency).values_list("role", flat=True))


def can_act(user: AnyUser, agency: Agency) -> bool:
    """Staff or head of this body: may handle its applications."""
    return bool(roles_in(user, agency) & {Role.STAFF, Role.HEAD})


def is_head(user: AnyUser, agency: Agency) -> bool:
    """Head of this body's disclosure office: approves extensions and signs replies (条例第三十三条)."""
    return Role.HEAD in roles_in(user, agency)


def can_review(user: AnyUser, agency: Agency) -> bool:
    """Reviewer or head of this body: may do the secrecy review (保密审查) of its items before publication."""
    return bool(roles_in(user, agency) & {Role.REVIEWER, Role.HEAD})


def can_read(user: AnyUser, agency: Agency) -> bool:
    """Staff or head of the body, a supervisor of it or of a body above it, or an administrator."""
    if not user.is_authenticated:
        return False
    if can_act(user, agency) or is_admin(user):
        return True
    ancestors = [code for code in agency.path.strip("/").split("/") if code]
    return Membership.objects.filter(user=user, role=Role.SUPERVISOR, agency__code__in=ancestors).exists()


def supervises(user: AnyUser, agency: Agency) -> bool:
    """A supervising office of this body or of a body above it, or an administrator: reads the whole
    subtree, body by body. Staff and heads of a body with bodies below it are not supervisors of them:
    they handle their own body's applications only."""
    if not user.is_authenticated:
        return False
    if is_admin(user):
        return True
    ancestors = [code for code in agency.path.strip("/").split("/") if code]
    return Membership.objects.filter(user=user, role=Role.SUPERVISOR, agency__code__in=ancestors).exists()


def readable_agencies(user: AnyUser) -> QuerySet[Agency]:
    """Every body the user may read: own bodies plus supervised subtrees (all for administrators)."""
    if not user.is_authenticated:
        return Agency.objects.none()
    if is_admin(user):
        return Agency.objects.all()
    memberships = Membership.objects.filter(user=user).select_related("agency")
    own = {m.agency.pk for m in memberships if m.role in (Role.STAFF, Role.HEAD)}
    query = Agency.objects.filter(pk__in=own)
    for m in memberships:
        if m.role == Role.SUPERVISOR:
            query = query | Agency.objects.filter(path__startswith=m.agency.path)
    return query.distinct()


def has_some_role(user: AnyUser, agency: Agency | None = None) -> bool:
    """Holds a role that reads some body (staff, head, supervisor, administrator): staff work such as
    auditing published reports is open to them, whichever body (`agency` is ignored)."""
    return readable_agencies(user).exists()


def actable_agencies(user: AnyUser) -> QuerySet[Agency]:
    """The bodies whose applications the user may handle (staff or head)."""
    if not user.is_authenticated:
        return Agency.objects.none()
    return Agency.objects.filter(
        memberships__user=user, memberships__role__in=[Role.STAFF, Role.HEAD]
    ).distinct()


def require_act(user: AnyUser, agency: Agency) -> None:
    if not can_act(user, agency):
        raise PermissionDenied(f"您不是{agency.name}的信息公开工作人员，无权办理。")


def require_head(user: AnyUser, agency: Agency) -> None:
    if not is_head(user, agency):
        raise PermissionDenied(f"此操作须由{agency.name}信息公开工作机构负责人批准。")


def require_review(user: AnyUser, agency: Agency) -> None:
    if not can_review(user, agency):
        raise PermissionDenied(f"您不是{agency.name}的审核人或负责人，不能进行保密审查。")


def can_read_publications(user: AnyUser, agency: Agency) -> bool:
    """Whoever reads the body's records, and its reviewers (who see its items, not its applications)."""
    return can_read(user, agency) or can_review(user, agency)


def require_read_publications(user: AnyUser, agency: Agency) -> None:
    if not can_read_publications(user, agency):
        raise PermissionDenied(f"您无权查看{agency.name}的主动公开信息。")


def require_read(user: AnyUser, agency: Agency) -> None:
    if not can_read(user, agency):
        raise PermissionDenied(f"您无权查看{agency.name}的信息。")


def require_read_applications(user: AnyUser, agency: Agency) -> None:
    if not can_read(user, agency):
        raise PermissionDenied(f"您无权查看{agency.name}的政府信息公开申请。")


def require_admin(user: AnyUser, agency: Agency | None = None) -> None:
    """An administrator of the whole system (whatever the body, so a `RoleCheck` too)."""
    if not is_admin(user):
        raise PermissionDenied("此操作须由系统管理员执行。")


def role_check(
    allowed: Callable[[AnyUser, Any], bool], refusal: str
) -> Callable[[AnyUser, Agency | None], None]:
    """A check for `require_role` made of a predicate above and the refusal's own words (`{agency}` is
    replaced by the body's name), for the pages whose refusal names what was refused."""

    def check(user: AnyUser, agency: Agency | None) -> None:
        if not allowed(user, agency):
            raise PermissionDenied(refusal.format(agency=agency.name if agency is not None else ""))

    return check


def require_role(
    user: AnyUser,
    agency: Agency | None,
    *checks: Callable[[AnyUser, Any], None],
    action: str,
    obj: Any = None,
    message: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Check the role, log the refusal, raise: each check in turn for `user` and `agency`; the first
    refusal is written to the audit log (as `action`, about `obj`, with the refusal's own words unless
    `message` is given) and its PermissionDenied raised. Call it outside any transaction a refusal rolls
    back, so that the log line survives."""
    try:
        for check in checks:
            check(user, agency)
    except PermissionDenied as error:
        audit_record(
            action=action,
            actor=user,
            agency=agency,
            obj=obj,
            message=str(error) if message is None else message,
            refused=True,
            detail=detail,
        )
        raise
