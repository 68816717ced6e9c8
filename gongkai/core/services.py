"""What every app's services share: one transaction per service, and refusals written to the audit log."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from gongkai.core.audit import audit_record

P = ParamSpec("P")
R = TypeVar("R")


def message_of(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "；".join(str(m) for m in error.messages)
    return str(error)


def logged_service(
    action: str,
    *,
    subject: str,
    model: type[models.Model],
    refusals: tuple[type[Exception], ...],
    detail: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Run the service in a transaction; a refusal of role (PermissionDenied) or of state (`refusals`) is
    written to the audit log once the refused transaction has rolled back (so that the record survives),
    with the service's `subject` keyword argument (an instance of `model`, reread) and its body, and
    `detail(kwargs)` (after the reread) as the line's detail when given."""

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        atomic = transaction.atomic(func)

        @functools.wraps(func)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return atomic(*args, **kwargs)
            except (PermissionDenied, *refusals) as error:  # type: ignore[misc]
                obj = kwargs.get(subject)
                agency = kwargs.get("agency")
                if isinstance(obj, model):
                    obj.refresh_from_db()
                    agency = obj.agency  # type: ignore[attr-defined]
                # The body, named by label: core imports no app.
                agency_model = apps.get_model("agencies", "Agency")
                audit_record(
                    action=action,
                    actor=kwargs.get("actor"),  # type: ignore[arg-type]
                    agency=agency if isinstance(agency, agency_model) else None,
                    obj=obj if isinstance(obj, model) else None,
                    message=message_of(error),
                    refused=True,
                    detail=detail(kwargs) if detail else None,
                )
                raise

        return run

    return decorate
