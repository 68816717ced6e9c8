"""The plumbing every service of an application shares: the transaction and refusal log, the row lock,
the refusal of state, and the checks of dates common to every form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from django.core.exceptions import ValidationError
from django.utils import timezone

from gongkai.applications.models import Application, ApplicationEvent, Status
from gongkai.core.services import logged_service

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    Actor = User | AnonymousUser


P = ParamSpec("P")
R = TypeVar("R")


class ActionRefused(ValidationError):
    """The application's status, or a rule of the 条例, does not allow this action now."""


def service(action: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Run the service in a transaction; log a refusal of role or state after its rollback."""
    return logged_service(action, subject="application", model=Application, refusals=(ActionRefused,))


def today() -> date:
    return timezone.localdate()


def lock(application: Application) -> None:
    """Lock the row until the transaction ends and bring the instance up to date."""
    Application.objects.select_for_update().filter(pk=application.pk).values_list("pk").get()
    application.refresh_from_db()


def refuse(message: str) -> ActionRefused:
    return ActionRefused(message)


def check_date(value: object, field: str, label: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError({field: f"{label}须为日期（YYYY-MM-DD）。"})
    if value > today():
        raise ValidationError({field: f"{label}不能晚于今天（{today().isoformat()}）。"})
    return value


def check_submitted_at(value: object) -> datetime:
    if not isinstance(value, datetime) or timezone.is_naive(value):
        raise ValidationError({"submitted_at": "提交时间须为带时区的时间。"})
    if value > timezone.now():
        raise ValidationError({"submitted_at": "提交时间不能晚于现在。"})
    return value


def not_before(value: date, floor: date | None, field: str, label: str, floor_label: str) -> None:
    if floor is not None and value < floor:
        raise ValidationError(
            {field: f"{label}（{value.isoformat()}）不能早于{floor_label}（{floor.isoformat()}）。"}
        )


def events_of(application: Application, kind: str) -> list[ApplicationEvent]:
    return list(application.events.filter(kind=kind).order_by("at", "id"))


def has_event(application: Application, kind: str) -> bool:
    return application.events.filter(kind=kind).exists()


def _status_label(application: Application) -> str:
    return Status(application.status).label


def require_status(application: Application, *allowed: str, doing: str) -> None:
    if application.status not in allowed:
        raise refuse(f"该申请当前状态为“{_status_label(application)}”，不能{doing}。")
