from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from gongkai.core.models import AuditLog

admin.site.site_header = "公开 · 系统管理"
admin.site.site_title = "公开"
admin.site.index_title = "系统管理"


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    """Read-only: the audit log is append-only."""

    list_display = ["at", "actor", "agency", "action", "outcome", "message"]
    list_filter = ["outcome", "action"]
    search_fields = ["message", "object_id", "actor__username"]
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditLog | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditLog | None = None) -> bool:
        return False
