from __future__ import annotations

from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "gongkai.publications"
    label = "publications"
    verbose_name = "主动公开"

    def ready(self) -> None:
        from gongkai.publications import signals  # noqa: F401  (a new body gets the standard catalog)
