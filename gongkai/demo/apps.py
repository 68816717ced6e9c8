from __future__ import annotations

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data (`gongkai demo`): the top of the import graph, made through every app's services;
    nothing imports it."""

    name = "gongkai.demo"
    label = "demo"
    verbose_name = "演示数据"
