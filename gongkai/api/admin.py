"""API tokens in the admin: listed, and revoked (through the service, which logs it). A token is made with
`gongkai api token create --agency CODE --name NAME`, which prints it once: the database keeps only its hash."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from gongkai.api.models import ApiToken
from gongkai.api.tokens import api_token_revoke


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    list_display = ["agency", "name", "prefix", "created_by", "created_at", "last_used", "revoked_at"]
    list_filter = ["agency"]
    search_fields = ["name", "prefix", "agency__name", "agency__code"]
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # made by `gongkai api token create`, which shows the token once

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # revoked, never deleted: the record of who used the API stays

    @admin.action(description="吊销所选令牌")
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        actor = request.user
        assert isinstance(actor, User)
        revoked = 0
        for token in queryset.filter(revoked_at__isnull=True):
            try:
                api_token_revoke(token=token, actor=actor)
            except ValidationError as error:
                self.message_user(request, "；".join(error.messages), messages.ERROR)
            else:
                revoked += 1
        self.message_user(request, f"已吊销 {revoked} 个令牌。", messages.SUCCESS)
