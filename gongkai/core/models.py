"""The audit log: every state change outside an application's own event log, and every refusal."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditLog(models.Model):
    """An append-only record of who did (or was refused) what, where."""

    class Outcome(models.TextChoices):
        DONE = "done", "已执行"
        REFUSED = "refused", "已拒绝"

    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    # PROTECT: who acted survives; such a user is deactivated, never deleted (gongkai.core.users).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="操作人",
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="机关",
    )
    action = models.CharField("操作", max_length=64)
    outcome = models.CharField("结果", max_length=16, choices=Outcome.choices, default=Outcome.DONE)
    object_type = models.CharField("对象类型", max_length=64, blank=True)
    object_id = models.CharField("对象编号", max_length=64, blank=True)
    message = models.TextField("说明", blank=True)
    detail = models.JSONField("详情", default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "操作日志"
        verbose_name_plural = "操作日志"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.get_outcome_display()}"


class Notification(models.Model):
    """An e-mail to an applicant about one event of their application (written by
    `gongkai.applications.notifications`). One per event: a second call for the same event sends nothing.

    Kept here rather than as an ApplicationEvent: an e-mail changes nothing in the application and must
    not enter the deadline or the statistics that are computed from the events."""

    class Outcome(models.TextChoices):
        PENDING = "pending", "待发送"
        SENT = "sent", "已发送"
        FAILED = "failed", "发送失败"

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="notifications"
    )
    event = models.OneToOneField(
        "applications.ApplicationEvent", on_delete=models.CASCADE, related_name="notification"
    )
    recipient = models.EmailField("收件人")
    subject = models.CharField("主题", max_length=200)
    outcome = models.CharField("结果", max_length=16, choices=Outcome.choices, default=Outcome.PENDING)
    error = models.TextField("失败原因", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "申请人通知"
        verbose_name_plural = "申请人通知"

    def __str__(self) -> str:
        return f"{self.subject}（{self.get_outcome_display()}）"


class ReminderLog(models.Model):
    """The daily reminder sent to one body's staff: at most one per body per day, claimed before sending."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    date = models.DateField("提醒日期")
    recipients = models.JSONField("收件人", default=list)
    due_soon = models.PositiveIntegerField("即将到期件数", default=0)
    overdue = models.PositiveIntegerField("已逾期件数", default=0)
    sent_at = models.DateTimeField("发送时间", auto_now_add=True)

    class Meta:
        ordering = ["-date", "agency"]
        verbose_name = "到期提醒记录"
        verbose_name_plural = "到期提醒记录"
        constraints = [
            models.UniqueConstraint(fields=["agency", "date"], name="reminder_once_per_agency_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.agency}"
