"""The administrator's read-only view of applications, their events and the numbering counters.

Applications change only through `services.py` (which checks roles and the 条例 and writes the event
log), so nothing here adds, edits or deletes them.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.applications.models import Application, ApplicationCounter, ApplicationEvent


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ApplicationEventInline(admin.TabularInline[ApplicationEvent, Application]):
    model = ApplicationEvent
    fields = ("at", "kind", "effective_on", "actor", "note", "data")
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("at", "id")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = (
        "number",
        "agency",
        "applicant_type",
        "channel",
        "received_on",
        "status",
        "due_date",
        "result",
    )
    list_filter = ("status", "channel", "applicant_type", "source", "agency")
    search_fields = ("number", "applicant_name", "description")
    date_hierarchy = "received_on"
    list_select_related = ("agency",)
    # The query code's digest is of no use to anyone reading it.
    exclude = ("query_code",)
    inlines = (ApplicationEventInline,)


@admin.register(ApplicationEvent)
class ApplicationEventAdmin(ReadOnlyAdmin):
    list_display = ("application", "kind", "effective_on", "actor", "at")
    list_filter = ("kind",)
    search_fields = ("application__number",)
    list_select_related = ("application__agency", "actor")


@admin.register(ApplicationCounter)
class ApplicationCounterAdmin(ReadOnlyAdmin):
    list_display = ("agency", "year", "last")
    list_filter = ("year",)
