from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "gongkai.core"
    label = "core"
    verbose_name = "基础"

    def ready(self) -> None:
        # Signal receivers: sign-ins, failures and lockouts into the audit log; staff session limits;
        # changes of users and roles into the audit log.
        from gongkai.core import logins, sessions, users  # noqa: F401
