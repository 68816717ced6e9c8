"""Finding the body a staff page is about, with the user's role checked and a refusal logged."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import require_act, require_head, require_read, require_role
from gongkai.applications.models import Application


def checked(
    request: HttpRequest, *, checks: Iterable[Callable[..., None]], agency: Agency, obj: Any, action: str
) -> None:
    """Each role check in turn for the request's user and `agency`; the first refusal is written to the
    audit log (with the page's path) before its PermissionDenied goes on to the 403 page."""
    user: User | AnonymousUser = request.user
    require_role(user, agency, *checks, action=action, obj=obj, detail={"path": request.path})


def _checked(request: HttpRequest, code: str, page: str, check: Callable[..., None]) -> Agency:
    agency = get_object_or_404(Agency, code=code)
    checked(request, checks=[check], agency=agency, obj=agency, action=f"workbench_{page}")
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
    """Staff or head of the application's body, and its head for a head's action (the head approves an
    extension, 条例第三十三条第二款; the head signs the reply, under the body's own 审核、答复 rules that
    条例第四十五条 requires). Checked before the form is read, so a
    user without the role learns nothing from the form's errors; the service checks again."""
    checks = [require_act, require_head] if head_only else [require_act]
    checked(
        request, checks=checks, agency=application.agency, obj=application, action=f"application_{action}"
    )
