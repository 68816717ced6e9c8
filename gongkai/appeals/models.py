"""行政复议 and 行政诉讼 cases about a body's disclosure decisions (table 四 of the annual report).

Changes go through `services.py`; the deadlines the body must meet are derived in `deadlines.py`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.agencies.models import Agency


class CaseKind(models.TextChoices):
    """The rows of table 四 (keys of `report_formats.json`)."""

    RECONSIDERATION = "reconsideration", "行政复议"
    LITIGATION_DIRECT = "litigation_direct", "行政诉讼（未经复议直接起诉）"
    LITIGATION_AFTER_RECONSIDERATION = "litigation_after_reconsideration", "行政诉讼（复议后起诉）"


class Outcome(models.TextChoices):
    """The outcome columns of table 四 (keys of `report_formats.json`)."""

    UPHELD = "upheld", "维持"
    CORRECTED = "corrected", "纠正"
    OTHER = "other", "其他"
    PENDING = "pending", "尚未审结"


class AppealCase(models.Model):
    """One reconsideration or lawsuit in which the body is the respondent or a defendant."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="appeal_cases", verbose_name="机关"
    )
    # Optional: a case may concern a decision made before the body used Gongkai.
    application = models.ForeignKey(
        "applications.Application",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appeal_cases",
        verbose_name="相关申请",
    )
    kind = models.CharField("案件类型", max_length=40, choices=CaseKind.choices)
    case_number = models.CharField("案号", max_length=100, blank=True)
    authority = models.CharField("复议机关或人民法院", max_length=200, blank=True)
    # 行政诉讼法第二十六条第二款: when the reconsideration body upheld the decision, it is sued together
    # with the original body. Table 四 counts such a case only at the original body, so a case recorded
    # by the reconsideration body in that role carries this flag and is left out of its counts.
    co_defendant = models.BooleanField("本机关系作为复议机关的共同被告", default=False)
    # 《行政复议法》（2023）第五十三条第一款第四项: disclosure cases may be heard in the simplified
    # procedure, where the respondent replies within 5 days instead of 10 (第五十四条).
    simplified_procedure = models.BooleanField("复议适用简易程序", default=False)

    filed_on = models.DateField("申请或起诉日期", db_index=True)
    copy_received_on = models.DateField("收到申请书或起诉状副本日期", null=True, blank=True)
    response_submitted_on = models.DateField("提交书面答复或答辩状日期", null=True, blank=True)
    outcome = models.CharField("结果", max_length=16, choices=Outcome.choices, default=Outcome.PENDING)
    decided_on = models.DateField("审结日期", null=True, blank=True)
    note = models.TextField("备注", blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-filed_on", "-id"]
        verbose_name = "行政复议或行政诉讼案件"
        verbose_name_plural = "行政复议和行政诉讼案件"
        constraints = [
            # A decided case has its decision date; a pending one has none.
            models.CheckConstraint(
                condition=(
                    models.Q(outcome=Outcome.PENDING, decided_on__isnull=True)
                    | (~models.Q(outcome=Outcome.PENDING) & models.Q(decided_on__isnull=False))
                ),
                name="appeal_case_outcome_has_date",
            ),
            models.CheckConstraint(
                condition=models.Q(co_defendant=False)
                | models.Q(kind=CaseKind.LITIGATION_AFTER_RECONSIDERATION),
                name="appeal_case_co_defendant_after_reconsideration",
            ),
        ]
        indexes = [models.Index(fields=["agency", "filed_on"], name="appeal_case_filed")]

    def __str__(self) -> str:
        label = self.case_number or f"#{self.pk}"
        return f"{self.get_kind_display()} {label}（{self.agency.name}）"

    @property
    def is_reconsideration(self) -> bool:
        return self.kind == CaseKind.RECONSIDERATION


class AppealDecision(models.Model):
    """One step of the case's outcome, in order: a decision or judgment, or the case reopened (pending
    again, e.g. on appeal to a higher court). Table 四 takes the outcome as known on 31 December, which is
    the last step dated on or before that day; the case's own outcome is the latest step."""

    case = models.ForeignKey(AppealCase, on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField("结果", max_length=16, choices=Outcome.choices)
    decided_on = models.DateField("日期")
    note = models.TextField("说明", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["decided_on", "id"]
        verbose_name = "案件结果记录"
        verbose_name_plural = "案件结果记录"
        indexes = [models.Index(fields=["case", "decided_on"], name="appeal_decision_case_date")]

    def __str__(self) -> str:
        return f"{self.decided_on} {self.get_outcome_display()}"
