from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.agencies.models import Agency, Membership
from gongkai.core.audit import audit_record


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "level", "parent"]
    list_filter = ["kind", "level"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent"]
    inlines = [MembershipInline]

    def save_model(self, request: HttpRequest, obj: Agency, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        audit_record(
            action="agency_change" if change else "agency_add",
            actor=request.user,
            agency=obj,
            obj=obj,
            message=f"{'修改' if change else '新增'}机关 {obj}（管理后台）",
        )


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "agency", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "agency__name", "agency__code"]
    autocomplete_fields = ["user", "agency"]

    def save_model(self, request: HttpRequest, obj: Membership, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        audit_record(
            action="membership_grant",
            actor=request.user,
            agency=obj.agency,
            obj=obj,
            message=f"授予角色 {obj}",
        )

    def delete_model(self, request: HttpRequest, obj: Membership) -> None:
        audit_record(
            action="membership_revoke",
            actor=request.user,
            agency=obj.agency,
            obj=obj,
            message=f"撤销角色 {obj}",
        )
        super().delete_model(request, obj)
