from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "gongkai.applications"
    label = "applications"
    verbose_name = "依申请公开"

    def ready(self) -> None:
        from gongkai.workdays.services import calendar_changed

        calendar_changed.connect(_calendar_changed, dispatch_uid="applications_recompute_due_dates")


def _calendar_changed(*, year: int | None, actor: Any, **kwargs: Any) -> None:
    """The calendar changed: recompute the stored due date of every open application it can move."""
    from gongkai.applications.services import application_recompute_open_due_dates

    application_recompute_open_due_dates(year=year, actor=actor)
