"""Published annual reports, imported as the body's report for their year, and their audit findings."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class PublishedReport(models.Model):
    """A body's annual report as it was published (条例第四十九条、第五十条), with what was read from it.

    The file is kept as it came (bytes) and as the text it was read as (`text`), the text that the
    findings' line numbers count in.
    """

    class Format(models.TextChoices):
        OLD = "2008", "旧统计表（2019年以前）"
        TRIAL = "2019", "国办公开办函〔2019〕60号格式"
        CURRENT = "2021", "国办公开办函〔2021〕30号格式"

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="published_reports", verbose_name="机关"
    )
    year = models.PositiveSmallIntegerField("报告年度")
    format = models.CharField("格式", max_length=4, choices=Format.choices, blank=True)
    source_name = models.CharField("文件名", max_length=255)
    source_form = models.CharField("文件形式", max_length=8)  # text, html, docx, pdf
    source_bytes = models.BinaryField("原文件")
    text = models.TextField("读取的文本")
    title = models.CharField("标题", max_length=300, blank=True)
    agency_name_printed = models.CharField("报告所载机关名称", max_length=200, blank=True)
    # Legal dates: the statistics period and the publication date as the report prints them.
    period_start = models.DateField("统计期限起", null=True, blank=True)
    period_end = models.DateField("统计期限止", null=True, blank=True)
    published_on = models.DateField("发布日期", null=True, blank=True)
    cells = models.JSONField("表格数据", default=dict)  # canonical key → number or null
    cell_lines = models.JSONField(default=dict)  # canonical key → line in `text`
    sections = models.JSONField(default=dict)  # section id → [first line, last line]
    tables_found = models.JSONField(default=list)
    extras = models.JSONField(default=dict)
    imported_at = models.DateTimeField("导入时间", auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["agency", "-year"]
        verbose_name = "已发布年度报告"
        verbose_name_plural = "已发布年度报告"
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="published_report_one_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.agency.name} {self.year}年度政府信息公开工作年度报告"


class AuditFinding(models.Model):
    """One finding of the audit of a published report, with its review by staff."""

    class Severity(models.TextChoices):
        ERROR = "error", "错误"
        WARNING = "warning", "警告"
        INFO = "info", "提示"

    class Status(models.TextChoices):
        OPEN = "open", "待核实"
        CONFIRMED = "confirmed", "已确认"
        DISMISSED = "dismissed", "已排除"

    report = models.ForeignKey(PublishedReport, on_delete=models.CASCADE, related_name="findings")
    position = models.PositiveIntegerField(default=0)  # the order the audit gave
    rule = models.CharField("规则", max_length=64)
    severity = models.CharField("级别", max_length=8, choices=Severity.choices)
    message = models.TextField("说明")
    keys = models.JSONField("单元格", default=list)
    evidence = models.JSONField("依据", default=list)  # [{"line": n, "text": "…"}]
    status = models.CharField("核实状态", max_length=16, choices=Status.choices, default=Status.OPEN)
    note = models.TextField("核实意见", blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField("核实时间", null=True, blank=True)

    class Meta:
        ordering = ["report", "position"]
        verbose_name = "审核发现"
        verbose_name_plural = "审核发现"

    def __str__(self) -> str:
        return f"[{self.get_severity_display()}] {self.rule}：{self.message[:40]}"
