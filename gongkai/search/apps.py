from __future__ import annotations

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "gongkai.search"
    label = "search"
    verbose_name = "全文检索"

    def ready(self) -> None:
        from gongkai.search import application_index  # noqa: F401  (keeps the applications' index current)
