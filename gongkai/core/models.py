"""The audit log: every state change outside an application's own event log, and every refusal."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditLog(models.Model):
    """An append-only record of who did (or was refused) what, where."""

    class Outcome(models.TextChoices):
        DONE = "done", "已执行"
        REFUSED = "refused", "已拒绝"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField("操作", max_length=64)
    outcome = models.CharField("结果", max_length=16, choices=Outcome.choices, default=Outcome.DONE)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    message = models.TextField("说明", blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "操作日志"
        verbose_name_plural = "操作日志"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.get_outcome_display()}"
