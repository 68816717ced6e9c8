"""Every change made in the admin goes to the audit log too, with who made it and what changed (Django's
own admin log is deleted with the user who made the change; ours is not: gongkai.core.users)."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from gongkai.core.audit import audit_record


def change_sentence(message: Any) -> str:
    """Django's structured change message ("[{"changed": …}]") as the sentence the admin shows."""
    if isinstance(message, list):
        message = json.dumps(message)
    return LogEntry(change_message=message or "").get_change_message()


class AuditedAdmin(admin.ModelAdmin[Any]):
    """Writes an audit log entry for each addition, change and deletion made through this admin, under
    the action codes `audit_actions` (addition, change, deletion)."""

    audit_actions = ("admin_change", "admin_change", "admin_change")

    def audit_agency(self, obj: Any) -> Any:
        """The body the log line is about (an `agencies.Agency`), or None: each admin that knows says so
        (core imports no app)."""
        return None

    def _audit(self, request: HttpRequest, obj: Model, action: str, message: str) -> None:
        noun = obj._meta.verbose_name
        audit_record(
            action=action,
            actor=request.user,
            agency=self.audit_agency(obj),
            obj=obj,
            message=f"{message}{noun}“{obj}”（管理后台）",
            detail={"repr": str(obj)[:200]},
        )

    def log_addition(self, request: HttpRequest, obj: Model, message: Any) -> Any:
        self._audit(request, obj, self.audit_actions[0], "新增")
        return super().log_addition(request, obj, message)

    def log_change(self, request: HttpRequest, obj: Model, message: Any) -> Any:
        change = change_sentence(message) or "未修改任何字段"
        noun = obj._meta.verbose_name
        audit_record(
            action=self.audit_actions[1],
            actor=request.user,
            agency=self.audit_agency(obj),
            obj=obj,
            message=f"修改{noun}“{obj}”（管理后台）：{change}",
            detail={"repr": str(obj)[:200], "change": message if isinstance(message, list) else str(message)},
        )
        return super().log_change(request, obj, message)

    def log_deletions(self, request: HttpRequest, queryset: QuerySet[Any]) -> Any:
        for obj in queryset:
            self._audit(request, obj, self.audit_actions[2], "删除")
        return super().log_deletions(request, queryset)
