"""依申请公开: an application, its append-only events, and the notices delivered for it.

Statuses are guarded by the services in `services.py`; overdue and due-soon are derived from
`due_date`, never stored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.agencies.models import Agency


class ApplicantType(models.TextChoices):
    """The columns of table 三 (keys of `report_formats.json`)."""

    NATURAL_PERSON = "natural_person", "自然人"
    COMMERCIAL_ENTERPRISE = "commercial_enterprise", "商业企业"
    RESEARCH_INSTITUTION = "research_institution", "科研机构"
    PUBLIC_INTEREST_ORG = "public_interest_org", "社会公益组织"
    LEGAL_SERVICE_ORG = "legal_service_org", "法律服务机构"
    OTHER_ORG = "other_org", "其他"


class Channel(models.TextChoices):
    IN_PERSON = "in_person", "当面"
    LETTER = "letter", "信函"
    FAX = "fax", "传真"
    ONLINE = "online", "网络"
    OTHER = "other", "其他"


class LetterKind(models.TextChoices):
    """条例第三十一条: registered post counts from the day signed for; ordinary post from confirmation."""

    REGISTERED = "registered", "挂号信/特快专递"
    ORDINARY = "ordinary", "平信"


class Result(models.TextChoices):
    """The result rows of table 三 in the 2021 format (keys of `report_formats.json`)."""

    DISCLOSED = "disclosed", "予以公开"
    PARTIALLY_DISCLOSED = "partially_disclosed", "部分公开"
    WITHHELD_STATE_SECRET = "withheld_state_secret", "属于国家秘密"
    WITHHELD_PROHIBITED_BY_LAW = "withheld_prohibited_by_law", "其他法律行政法规禁止公开"
    WITHHELD_SECURITY_STABILITY = "withheld_security_stability", "危及“三安全一稳定”"
    WITHHELD_THIRD_PARTY = "withheld_third_party", "保护第三方合法权益"
    WITHHELD_INTERNAL_AFFAIRS = "withheld_internal_affairs", "属于三类内部事务信息"
    WITHHELD_PROCESS_INFO = "withheld_process_info", "属于四类过程性信息"
    WITHHELD_ENFORCEMENT_FILE = "withheld_enforcement_file", "属于行政执法案卷"
    WITHHELD_ADMINISTRATIVE_QUERY = "withheld_administrative_query", "属于行政查询事项"
    UNAVAILABLE_NOT_HELD = "unavailable_not_held", "本机关不掌握相关政府信息"
    UNAVAILABLE_NEEDS_CREATION = "unavailable_needs_creation", "没有现成信息需要另行制作"
    UNAVAILABLE_UNCLEAR = "unavailable_unclear", "补正后申请内容仍不明确"
    NOT_PROCESSED_PETITION = "not_processed_petition", "信访举报投诉类申请"
    NOT_PROCESSED_DUPLICATE = "not_processed_duplicate", "重复申请"
    NOT_PROCESSED_PUBLICATION = "not_processed_publication", "要求提供公开出版物"
    NOT_PROCESSED_EXCESSIVE = "not_processed_excessive", "无正当理由大量反复申请"
    NOT_PROCESSED_CONFIRMATION = "not_processed_confirmation", "要求行政机关确认或重新出具已获取信息"
    OTHER_NO_CORRECTION = (
        "other_no_correction",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    )
    OTHER_FEE_UNPAID = (
        "other_fee_unpaid",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    )
    OTHER_OTHER = "other_other", "其他"


class Status(models.TextChoices):
    PENDING_RECEIPT = "pending_receipt", "待确认收到"
    IN_PROGRESS = "in_progress", "办理中"
    AWAITING_CORRECTION = "awaiting_correction", "待补正"
    CONSULTING = "consulting", "征求意见中"
    AWAITING_PAYMENT = "awaiting_payment", "待缴费"
    CLOSED = "closed", "已办结"


class Source(models.TextChoices):
    STAFF = "staff", "工作人员登记"
    PORTAL = "portal", "网上申请"
    API = "api", "接口提交"
    IMPORT = "import", "台账导入"


class Application(models.Model):
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="applications", verbose_name="机关"
    )
    # 受理编号: "<year>-<seq>" from the body's yearly sequence, or kept verbatim when imported.
    number = models.CharField("受理编号", max_length=64)
    sequence_year = models.PositiveIntegerField(null=True, blank=True)
    sequence = models.PositiveIntegerField(null=True, blank=True)
    query_code = models.CharField("查询码", max_length=32, blank=True)
    source = models.CharField("来源", max_length=16, choices=Source.choices, default=Source.STAFF)

    applicant_type = models.CharField("申请人类型", max_length=32, choices=ApplicantType.choices)
    applicant_name = models.CharField("申请人姓名或名称", max_length=200, blank=True)
    applicant_id_type = models.CharField("证件类型", max_length=32, blank=True)
    applicant_id_number = models.CharField("证件号码", max_length=64, blank=True)
    contact_person = models.CharField("联系人", max_length=100, blank=True)
    phone = models.CharField("联系电话", max_length=64, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通信地址", max_length=300, blank=True)
    postcode = models.CharField("邮政编码", max_length=16, blank=True)

    description = models.TextField("申请公开的政府信息")
    requested_form = models.CharField("信息的指定提供形式", max_length=32, blank=True)
    delivery_method = models.CharField("获取信息的方式", max_length=32, blank=True)

    channel = models.CharField("申请方式", max_length=16, choices=Channel.choices)
    letter_kind = models.CharField("信函类型", max_length=16, choices=LetterKind.choices, blank=True)
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    # 条例第三十一条: the legal date of receipt; empty until staff confirm an online/fax/ordinary-post application.
    received_on = models.DateField("收到日期", null=True, blank=True, db_index=True)

    status = models.CharField("状态", max_length=32, choices=Status.choices, default=Status.IN_PROGRESS)
    # Stored for the queue's ordering; recomputed by the services on every event.
    due_date = models.DateField("答复期限", null=True, blank=True)
    due_date_provisional = models.BooleanField("期限暂定", default=False)
    closed_on = models.DateField("办结日期", null=True, blank=True, db_index=True)
    result = models.CharField("办理结果", max_length=40, choices=Result.choices, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ["due_date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="application_number_unique_per_agency"),
            models.UniqueConstraint(
                fields=["agency", "sequence_year", "sequence"],
                condition=models.Q(sequence__isnull=False),
                name="application_sequence_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "status", "due_date"], name="application_queue"),
            models.Index(fields=["agency", "closed_on"], name="application_closed"),
            models.Index(fields=["agency", "received_on"], name="application_received"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.agency.name}"

    @property
    def is_open(self) -> bool:
        return self.status != Status.CLOSED


class ApplicationEvent(models.Model):
    """An append-only record of one change: who, when, what, before and after."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField("事件", max_length=40, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField("记录时间", auto_now_add=True)
    # The legal date the event took effect (a notice's date, the day a correction arrived…).
    effective_on = models.DateField("生效日期", null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    note = models.TextField("说明", blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = "申请办理记录"
        verbose_name_plural = "申请办理记录"

    def __str__(self) -> str:
        return f"{self.application.number} {self.kind} {self.effective_on or ''}"
