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


# --- The body's own annual report, generated from its records ------------------------------------------


class YearlyFigure(models.Model):
    """A figure of table 二 that lives in another system (行政许可、行政处罚、行政强制 decisions, 行政事业性收费
    in 万元; for the 2019 format also 上一年项目数量, 本年增/减 and 政府集中采购), entered per body and year.

    `key` is the canonical `item20_*` key of the year's format. Counts are whole numbers, amounts have at
    most four decimal places; a figure never entered has no row (the report shows it blank, never 0).
    """

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="yearly_figures", verbose_name="机关"
    )
    year = models.PositiveSmallIntegerField("年度")
    key = models.CharField("单元格", max_length=64)
    value = models.DecimalField("数值", max_digits=18, decimal_places=4)
    # None: entered from the command line (`gongkai report figures import` without `--by`).
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="填报人",
    )
    entered_at = models.DateTimeField("填报时间", auto_now=True)

    class Meta:
        ordering = ["agency", "year", "key"]
        verbose_name = "年度数据"
        verbose_name_plural = "年度数据"
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "key"], name="yearly_figure_one_per_key"),
        ]

    def __str__(self) -> str:
        return f"{self.agency.name} {self.year} {self.key} = {self.value}"


class AnnualReport(models.Model):
    """A body's annual report on one year (条例第四十九条、第五十条), from draft to publication.

    The tables are never stored while the report is worked on: they are computed from the records and
    the yearly figures whenever the report is shown. What staff write is stored here. Publishing
    freezes everything in an `AnnualReportVersion`; a correction of a published report is worked on
    here again and published as the next version, the earlier ones kept.
    """

    class State(models.TextChoices):
        DRAFT = "draft", "草稿"
        SUBMITTED = "submitted", "已提交审核"
        APPROVED = "approved", "负责人已批准"
        PUBLISHED = "published", "已发布"

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="annual_reports", verbose_name="机关"
    )
    year = models.PositiveSmallIntegerField("报告年度")
    format = models.CharField("格式", max_length=4, choices=PublishedReport.Format.choices)
    state = models.CharField("状态", max_length=16, choices=State.choices, default=State.DRAFT)
    # 一、总体情况: drafted from the figures when the report is opened, then edited by staff.
    overview = models.TextField("总体情况", blank=True)
    # 五、存在的主要问题及改进情况, written by staff.
    problems = models.TextField("存在的主要问题及改进情况", blank=True)
    # 条例第五十条: a government's report also covers 工作考核、社会评议和责任追究结果情况.
    assessment = models.TextField("工作考核、社会评议和责任追究结果情况", blank=True)
    # 六、其他需要报告的事项: staff's own text; the sentence on 信息处理费 is drawn from the fee records.
    other_matters = models.TextField("其他需要报告的事项", blank=True)
    # Set while a published report is being corrected: why, as the new version will say.
    correction_reason = models.TextField("更正原因", blank=True)
    # The rules engine's findings on the report as it last stood (`annual.check`), kept so that the
    # supervision dashboard lists a region's reports without checking each one again.
    findings = models.JSONField("检查结果", default=list, blank=True)
    checked_at = models.DateTimeField("检查时间", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["agency", "-year"]
        verbose_name = "年度报告"
        verbose_name_plural = "年度报告"
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="annual_report_one_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.agency.name}{self.year}年政府信息公开工作年度报告"


class AnnualReportVersion(models.Model):
    """A published version of an annual report, frozen: what the portal shows and the files it serves."""

    report = models.ForeignKey(AnnualReport, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField("版本")
    published_on = models.DateField("发布日期")
    published_at = models.DateTimeField("发布时间", auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="发布人"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="批准人"
    )
    # The whole report as published (`annual.content.ReportContent.as_json()`), cells included.
    content = models.JSONField("报告内容")
    findings = models.JSONField("检查结果", default=list)
    text = models.TextField("报告文本")  # the seed-style text the findings' line numbers count in
    docx = models.BinaryField("DOCX")
    pdf = models.BinaryField("PDF")
    # For a correction: why, and which cells and sections changed from the previous version.
    change_note = models.TextField("更正说明", blank=True)
    changes = models.JSONField("更正内容", default=dict, blank=True)

    class Meta:
        ordering = ["report", "number"]
        verbose_name = "年度报告发布版本"
        verbose_name_plural = "年度报告发布版本"
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="annual_report_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.report}（第{self.number}版）"


class AnnualReportEvent(models.Model):
    """An append-only record of one step of an annual report: who, when, what, before and after."""

    class Kind(models.TextChoices):
        CREATED = "created", "创建草稿"
        EDITED = "edited", "修改文字"
        FIGURES = "figures", "填报年度数据"
        SUBMITTED = "submitted", "提交审核"
        RETURNED = "returned", "退回修改"
        APPROVED = "approved", "负责人批准"
        PUBLISHED = "published", "发布"
        CORRECTION_STARTED = "correction_started", "开始更正"

    report = models.ForeignKey(AnnualReport, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField("事件", max_length=32, choices=Kind.choices)
    # None: a step taken from the command line (figures imported without `--by`).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="操作人",
    )
    at = models.DateTimeField("记录时间", auto_now_add=True)
    note = models.TextField("说明", blank=True)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = "年度报告记录"
        verbose_name_plural = "年度报告记录"

    def __str__(self) -> str:
        return f"{self.report} {self.get_kind_display()}"


class AggregationMember(models.Model):
    """A body whose figures a government's report on `year` sums (its own office, its departments, its
    乡镇/街道). With no rows for a government and year, the default set applies (`annual.coverage`)."""

    government = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, related_name="aggregation_members", verbose_name="政府"
    )
    year = models.PositiveSmallIntegerField("报告年度")
    member = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, related_name="aggregated_into", verbose_name="纳入机关"
    )

    class Meta:
        ordering = ["government", "year", "member"]
        verbose_name = "汇总范围"
        verbose_name_plural = "汇总范围"
        constraints = [
            models.UniqueConstraint(
                fields=["government", "year", "member"], name="aggregation_member_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.government.name} {self.year}：{self.member.name}"


class CoveredBody(models.Model):
    """A body whose records another body's report on `year` covers (e.g. an office reported by its
    department): its applications and cases are counted in `covered_by`'s report, and it publishes none."""

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, related_name="covered_in", verbose_name="机关"
    )
    year = models.PositiveSmallIntegerField("报告年度")
    covered_by = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, related_name="covering", verbose_name="由其报告的机关"
    )

    class Meta:
        ordering = ["agency", "year"]
        verbose_name = "由其他机关报告"
        verbose_name_plural = "由其他机关报告"
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="covered_body_one_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.agency.name} {self.year} → {self.covered_by.name}"


class AnnualReportReminder(models.Model):
    """A reminder that a body's report on `year` is not yet published, `days_before` its deadline
    (`annual.deadlines.REMINDER_DAYS`): claimed before it is sent, once per body, year and reminder, so
    that `gongkai report remind` may run from cron any number of times a day."""

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, related_name="+", verbose_name="机关"
    )
    year = models.PositiveSmallIntegerField("报告年度")
    days_before = models.PositiveSmallIntegerField("截止前天数")
    date = models.DateField("提醒日期")
    recipients = models.JSONField("收件人", default=list)
    sent_at = models.DateTimeField("发送时间", auto_now_add=True)

    class Meta:
        ordering = ["-date", "agency"]
        verbose_name = "年度报告发布提醒"
        verbose_name_plural = "年度报告发布提醒"
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "days_before"], name="annual_report_reminder_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.agency} {self.year}（截止前{self.days_before}天）"
