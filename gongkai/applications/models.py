"""依申请公开: an application, its append-only events, and the notices delivered for it.

Statuses are guarded by the services in `services.py`; overdue and due-soon are derived from
`due_date`, never stored. The deadline is computed from the events by `deadlines.py`; `due_date`
and `due_date_provisional` are only its stored copy, for the queue's ordering.
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


class IdType(models.TextChoices):
    """条例第二十九条（一）: the applicant's 身份证明."""

    RESIDENT_ID = "resident_id", "居民身份证"
    PASSPORT = "passport", "护照"
    HK_MACAO_PERMIT = "hk_macao_permit", "港澳居民来往内地通行证"
    TAIWAN_PERMIT = "taiwan_permit", "台湾居民来往大陆通行证"
    FOREIGN_PERMANENT_RESIDENT = "foreign_permanent_resident", "外国人永久居留身份证"
    CREDIT_CODE = "credit_code", "统一社会信用代码"
    OTHER = "other", "其他证件"


class RequestedForm(models.TextChoices):
    """条例第二十九条（三）: the form in which the information is wanted."""

    PAPER = "paper", "纸质文本"
    ELECTRONIC = "electronic", "电子文本"


class InformationDelivery(models.TextChoices):
    """条例第二十九条（三）: how the applicant wants to obtain the information (获取信息的方式、途径)."""

    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    FAX = "fax", "传真"
    PICKUP = "pickup", "自行领取"
    ON_SITE = "on_site", "当场查阅、抄录"
    ONLINE = "online", "网上获取"


class NoticeDelivery(models.TextChoices):
    """How a notice to the applicant was served (送达)."""

    IN_PERSON = "in_person", "直接送达"
    POST = "post", "邮寄送达"
    EMAIL = "email", "电子邮件送达"
    FAX = "fax", "传真送达"
    ONLINE = "online", "网上申请平台送达"
    OTHER = "other", "其他方式"


class ConsultationKind(models.TextChoices):
    THIRD_PARTY = "third_party", "征求第三方意见"  # 条例第三十二条
    OTHER_BODY = "other_body", "征求其他机关意见"  # 条例第三十四条（共同制作的政府信息）


class FeeMethod(models.TextChoices):
    """国办函〔2020〕109号 第三条: one method per application, never both."""

    BY_COUNT = "by_count", "按件计收"
    BY_VOLUME = "by_volume", "按量计收"


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


class EventKind(models.TextChoices):
    """What an `ApplicationEvent` records. `effective_on` holds the legal date named in the comment."""

    SUBMITTED = "submitted", "网上提交"  # effective_on: received_on when already confirmed
    REGISTERED = "registered", "登记"  # effective_on: received_on (None until confirmed)
    IMPORTED = "imported", "台账导入"
    RECEIPT_CONFIRMED = "receipt_confirmed", "确认收到"  # the date of receipt (条例第三十一条)
    CORRECTION_REQUESTED = "correction_requested", "告知补正"  # the notice's date
    CORRECTION_SUBMITTED = "correction_submitted", "网上提交补正"  # awaits staff confirming receipt
    CORRECTION_RECEIVED = "correction_received", "收到补正"  # the day the corrected application arrived
    CORRECTION_LAPSED = "correction_lapsed", "逾期未补正"
    CONSULTATION_STARTED = "consultation_started", "发出征求意见"  # the day it was sent
    CONSULTATION_ENDED = "consultation_ended", "征求意见结束"  # the day the answer arrived
    EXTENDED = "extended", "延期答复"  # the day the applicant was notified
    FEE_NOTIFIED = "fee_notified", "收费通知"  # the notice's date
    FEE_WAIVED = "fee_waived", "免收信息处理费"
    FEE_PAID = "fee_paid", "缴纳信息处理费"
    FEE_LAPSED = "fee_lapsed", "逾期未缴费"
    WITHDRAWN = "withdrawn", "申请人撤回申请"
    REPLY_DRAFTED = "reply_drafted", "拟写答复"
    REPLY_SIGNED = "reply_signed", "签发答复"  # the reply's date
    DELIVERED = "delivered", "送达"  # the day the notice was served
    DUE_DATE_RECOMPUTED = "due_date_recomputed", "重新计算答复期限"


# The events whose notice goes to the applicant and whose delivery (送达) is recorded.
NOTICE_EVENT_KINDS = (
    EventKind.CORRECTION_REQUESTED,
    EventKind.EXTENDED,
    EventKind.FEE_NOTIFIED,
    EventKind.REPLY_SIGNED,
)


class Application(models.Model):
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="applications", verbose_name="机关"
    )
    # 受理编号: "<year>-<seq>" from the body's yearly sequence, or kept verbatim when imported.
    number = models.CharField("受理编号", max_length=64)
    sequence_year = models.PositiveIntegerField(null=True, blank=True)
    sequence = models.PositiveIntegerField(null=True, blank=True)
    # The SHA-256 of the query code (see numbering.py): the code itself is shown once and never stored.
    query_code = models.CharField("查询码（摘要）", max_length=64, blank=True)
    source = models.CharField("来源", max_length=16, choices=Source.choices, default=Source.STAFF)

    applicant_type = models.CharField("申请人类型", max_length=32, choices=ApplicantType.choices)
    applicant_name = models.CharField("申请人姓名或名称", max_length=200, blank=True)
    applicant_id_type = models.CharField("证件类型", max_length=32, choices=IdType.choices, blank=True)
    applicant_id_number = models.CharField("证件号码", max_length=64, blank=True)
    contact_person = models.CharField("联系人", max_length=100, blank=True)
    phone = models.CharField("联系电话", max_length=64, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通信地址", max_length=300, blank=True)
    postcode = models.CharField("邮政编码", max_length=16, blank=True)

    description = models.TextField("申请公开的政府信息")
    requested_form = models.CharField(
        "信息的指定提供形式", max_length=32, choices=RequestedForm.choices, blank=True
    )
    delivery_method = models.CharField(
        "获取信息的方式", max_length=32, choices=InformationDelivery.choices, blank=True
    )

    channel = models.CharField("申请方式", max_length=16, choices=Channel.choices)
    letter_kind = models.CharField("信函类型", max_length=16, choices=LetterKind.choices, blank=True)
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    # 条例第三十一条: the legal date of receipt; empty until staff confirm an online/fax/ordinary-post application.
    received_on = models.DateField("收到日期", null=True, blank=True, db_index=True)

    status = models.CharField("状态", max_length=32, choices=Status.choices, default=Status.IN_PROGRESS)
    # Stored for the queue's ordering; recomputed by the services on every event.
    due_date = models.DateField("答复期限", null=True, blank=True)
    due_date_provisional = models.BooleanField("期限暂定", default=False)
    # The applicant has acted and staff must now: an online application awaiting confirmation of receipt,
    # or a correction submitted online awaiting confirmation (条例第三十、三十一条). Kept by the services with
    # the status (services.events.record), for the queue, which puts these first.
    awaiting_staff = models.BooleanField("待工作人员处理", default=False)
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
            # The staff queue (selectors.applications_queue) reads each part of a body's queue in the
            # order of one of these, (due date, id): one status or the closed ones from
            # `application_queue`, the open ones from `application_open_queue`, a channel's from
            # `application_channel`. The id is a column so that PostgreSQL returns ties in order
            # without sorting; the status is in the open index so that SQLite counts from it alone.
            models.Index(fields=["agency", "status", "due_date", "id"], name="application_queue"),
            models.Index(
                fields=["agency", "due_date", "id", "status", "awaiting_staff"],
                condition=~models.Q(status=Status.CLOSED),
                name="application_open_queue",
            ),
            models.Index(
                fields=["agency", "channel", "status", "due_date", "id"], name="application_channel"
            ),
            # The annual report's counts (reports.counts, annual.facts, the supervision dashboard) read a
            # year's applications by receipt or by closing: with the columns they count by in the index,
            # SQLite and PostgreSQL answer from the index alone, never reading the (wide) rows.
            models.Index(
                fields=["agency", "closed_on", "result", "applicant_type", "received_on"],
                name="application_closed",
            ),
            models.Index(
                fields=["agency", "received_on", "applicant_type", "closed_on", "result"],
                name="application_received",
            ),
            # The applicant's look-up by number alone (numbers repeat across bodies).
            models.Index(fields=["number"], name="application_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.agency.name}"

    @property
    def is_open(self) -> bool:
        return self.status != Status.CLOSED


class ApplicationEvent(models.Model):
    """An append-only record of one change: who, when, what, before and after."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="events", verbose_name="申请"
    )
    kind = models.CharField("事件", max_length=40, choices=EventKind.choices, db_index=True)
    # PROTECT: who acted survives; such a user is deactivated, never deleted (gongkai.core.users).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="办理人",
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


class ApplicationCounter(models.Model):
    """The last sequence number given to one body's applications in one year.

    One row per (body, year), incremented under a row lock inside the numbering transaction, so
    numbers have neither gaps nor duplicates even when applications arrive at the same moment."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+", verbose_name="机关")
    year = models.PositiveIntegerField("年度")
    last = models.PositiveIntegerField("已用到的序号", default=0)

    class Meta:
        verbose_name = "受理编号计数器"
        verbose_name_plural = "受理编号计数器"
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="application_counter_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.agency.code} {self.year}: {self.last}"
