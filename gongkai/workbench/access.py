"""Finding the body a staff page is about, with the user's role checked and a refusal logged."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import require_act, require_head, require_read
from gongkai.applications.models import Application
from gongkai.core.audit import audit_record


def _checked(request: HttpRequest, code: str, page: str, check: Callable[..., None]) -> Agency:
    agency = get_object_or_404(Agency, code=code)
    user: User | AnonymousUser = request.user
    try:
        check(user, agency)
    except PermissionDenied as error:
        audit_record(
            action=f"workbench_{page}",
            actor=user,
            agency=agency,
            obj=agency,
            message=str(error),
            refused=True,
            detail={"path": request.path},
        )
        raise
    return agency


def agency_for_reader(request: HttpRequest, code: str, *, page: str) -> Agency:
    """The body `code` for a user who may read it (its staff and head, a supervising office above it,
    an administrator); otherwise PermissionDenied, written to the audit log first."""
    return _checked(request, code, page, require_read)


def agency_for_actor(request: HttpRequest, code: str, *, page: str) -> Agency:
    """The body `code` for its staff or head, who may handle its applications; otherwise
    PermissionDenied, written to the audit log first."""
    return _checked(request, code, page, require_act)


def require_action_role(
    request: HttpRequest, application: Application, *, action: str, head_only: bool
) -> None:
    """Staff or head of the application's body, and its head for a head's action (条例第三十三条:
    the head approves an extension; the head signs the reply). Checked before the form is read, so a
    user without the role learns nothing from the form's errors; the service checks again."""
    user: User | AnonymousUser = request.user
    try:
        require_act(user, application.agency)
        if head_only:
            require_head(user, application.agency)
    except PermissionDenied as error:
        audit_record(
            action=f"application_{action}",
            actor=user,
            agency=application.agency,
            obj=application,
            message=str(error),
            refused=True,
            detail={"path": request.path},
        )
        raise
