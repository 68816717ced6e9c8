"""Bodies, users and their roles in the admin, for 系统管理员. Every change is written to the audit log
(gongkai.core.admin_audit); a user who has acted is deactivated, never deleted (gongkai.core.users)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.db.models import QuerySet
from django.http import HttpRequest

from gongkai.agencies.models import Agency, Membership
from gongkai.core.admin_audit import AuditedAdmin
from gongkai.core.audit import audit_record
from gongkai.core.users import acted_in


class MembershipInline(admin.TabularInline[Membership, Agency]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class UserMembershipInline(admin.TabularInline[Membership, User]):
    model = Membership
    extra = 0
    autocomplete_fields = ["agency"]
    verbose_name = "角色"
    verbose_name_plural = "在各机关的角色"


@admin.register(Agency)
class AgencyAdmin(AuditedAdmin):
    audit_actions = ("agency_add", "agency_change", "agency_delete")
    list_display = ["code", "name", "kind", "level", "parent", "reports_from"]
    list_filter = ["kind", "level"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent"]
    inlines = [MembershipInline]

    def audit_agency(self, obj: Agency) -> Agency:
        return obj


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    audit_actions = ("membership_grant", "membership_change", "membership_revoke")
    list_display = ["user", "agency", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "agency__name", "agency__code"]
    autocomplete_fields = ["user", "agency"]

    def audit_agency(self, obj: Membership) -> Agency:
        return obj.agency


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class GongkaiUserAdmin(AuditedAdmin, UserAdmin[User]):
    """Users with their roles. Deleting is offered only for a user who never acted; otherwise 停用."""

    audit_actions = ("user_create", "user_change", "user_delete")
    list_display = ["username", "first_name", "email", "is_active", "is_staff", "last_login"]
    inlines = [UserMembershipInline]
    actions = ["deactivate"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and acted_in(obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # several at once would hide which ones have acted
        return actions

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> Any:
        user = self.get_object(request, object_id)
        if user is not None and (kinds := acted_in(user)):
            messages.info(
                request,
                f"该用户已有办理记录（{'、'.join(kinds)}），不能删除；不再使用时请取消“有效”以停用。",
            )
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.action(description="停用所选用户（保留其全部办理记录）")
    def deactivate(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        changed = 0
        for user in queryset.filter(is_active=True):
            user.is_active = False
            user.save(update_fields=["is_active"])
            audit_record(
                action="user_deactivate",
                actor=request.user,
                obj=user,
                message=f"停用用户 {user.get_username()}（管理后台）",
            )
            changed += 1
        self.message_user(request, f"已停用 {changed} 个用户。", messages.SUCCESS)


@admin.register(Group)
class GongkaiGroupAdmin(AuditedAdmin, GroupAdmin):
    audit_actions = ("group_change", "group_change", "group_change")
