from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from gongkai.core.actions import action_label
from gongkai.core.models import AuditLog

admin.site.site_header = "公开 · 系统管理"
admin.site.site_title = "公开"
admin.site.index_title = "系统管理"


class ActionFilter(admin.SimpleListFilter):
    """The actions that occur in the log, by their Chinese names."""

    title = "操作"
    parameter_name = "action"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        codes = AuditLog.objects.order_by().values_list("action", flat=True).distinct()
        return sorted(((code, action_label(code)) for code in codes), key=lambda pair: pair[1])

    def queryset(self, request: HttpRequest, queryset: QuerySet[AuditLog]) -> QuerySet[AuditLog]:
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin[AuditLog]):
    """Read-only: the audit log is append-only."""

    list_display = ["at", "actor", "agency", "action_name", "outcome", "message"]
    list_filter = ["outcome", ActionFilter]
    search_fields = ["message", "object_id", "actor__username"]
    date_hierarchy = "at"

    @admin.display(description="操作", ordering="action")
    def action_name(self, entry: AuditLog) -> str:
        return action_label(entry.action)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditLog | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditLog | None = None) -> bool:
        return False
