from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "gongkai.workdays"
    label = "workdays"
    verbose_name = "工作日"

    def ready(self) -> None:
        from gongkai.core.backup import restored

        restored.connect(_calendar_restored, dispatch_uid="workdays_calendar_restored")


def _calendar_restored(**kwargs: Any) -> None:
    """After `gongkai restore`: every process reads the restored calendar afresh."""
    from gongkai.workdays import store

    store.bump_token()
