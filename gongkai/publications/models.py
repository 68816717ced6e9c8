"""主动公开: a published item (政府信息) with its metadata, the body's catalog (公开目录) and guide (公开指南),
attachments, the findings of the sensitive-information guard, and the append-only event log.

Statuses are changed only by `services.py`; whether an item was published late (条例第二十六条) is derived
from its dates, never stored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.agencies.models import Agency
from gongkai.publications.vocabulary import (
    ARTICLE_20_ITEMS,
    CHINESE_NUMERALS,
    EDITABLE,
    INTERPRETATION_KINDS,
    ITEM_CHOICES,
    NORMATIVE_KINDS,
    Channel,
    Genre,
    Kind,
    Status,
    Topic,
    Validity,
)

# The vocabulary is imported from here as well as from `vocabulary`.
__all__ = [
    "ARTICLE_20_ITEMS",
    "CHINESE_NUMERALS",
    "EDITABLE",
    "INTERPRETATION_KINDS",
    "ITEM_CHOICES",
    "NORMATIVE_KINDS",
    "Channel",
    "Genre",
    "Kind",
    "Status",
    "Topic",
    "Validity",
]


class Category(models.Model):
    """A node of a body's catalog (公开目录): a tree, seeded with the standard tree and edited by the body."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="categories", verbose_name="机关"
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name="上级目录",
    )
    name = models.CharField("目录名称", max_length=100)
    # 条例第二十条 item the category's items fall under (1–15), None where it has no one item.
    item = models.PositiveSmallIntegerField("第二十条事项", null=True, blank=True, choices=ITEM_CHOICES)
    position = models.PositiveIntegerField("排序", default=0)
    # Materialised path of ids "/12/45/": a subtree is one prefix query.
    path = models.CharField("路径", max_length=500, db_index=True, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["path"]
        verbose_name = "公开目录"
        verbose_name_plural = "公开目录"
        constraints = [
            models.UniqueConstraint(fields=["agency", "parent", "name"], name="category_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2

    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part]


class Publication(models.Model):
    """One item of proactive disclosure (政府信息), from draft to published (or withdrawn)."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="publications", verbose_name="机关"
    )
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.DRAFT)
    # 索引号 "<body code>/<year>-<sequence>", given when the item is published (or imported).
    index_number = models.CharField("索引号", max_length=64, null=True, blank=True, unique=True)
    index_year = models.PositiveIntegerField(null=True, blank=True)
    index_sequence = models.PositiveIntegerField(null=True, blank=True)

    title = models.CharField("标题", max_length=300)
    issuer = models.CharField("发布机构", max_length=200, blank=True)  # default: the body's name
    doc_number = models.CharField("文号", max_length=100, blank=True)
    made_on = models.DateField("成文日期", null=True, blank=True)
    # 条例第二十六条: published within 20 working days of being made *or changed*.
    changed_on = models.DateField("变更日期", null=True, blank=True)
    published_on = models.DateField("发布日期", null=True, blank=True)
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="publications",
        verbose_name="公开目录",
    )
    topic = models.CharField("主题分类", max_length=16, choices=Topic.choices, default=Topic.GENERAL)
    genre = models.CharField("体裁", max_length=16, choices=Genre.choices, default=Genre.NOTICE)
    kind = models.CharField("信息类型", max_length=16, choices=Kind.choices, default=Kind.DOCUMENT)
    item = models.PositiveSmallIntegerField("第二十条事项", null=True, blank=True, choices=ITEM_CHOICES)
    body = models.TextField("正文", blank=True)  # sanitised HTML (see sanitize.py)
    channels = models.JSONField("发布渠道", default=list, blank=True)

    validity = models.CharField("有效性", max_length=16, choices=Validity.choices, blank=True)
    effective_on = models.DateField("施行日期", null=True, blank=True)
    validity_changed_on = models.DateField("失效或废止日期", null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        db_index=False,  # a partial index instead (Meta.indexes)
        verbose_name="替代文件",
    )
    interprets = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interpretations",
        db_index=False,  # a partial index instead (Meta.indexes)
        verbose_name="解读的文件",
    )

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="起草人",
    )
    imported = models.BooleanField("导入", default=False)
    withdrawn_at = models.DateTimeField("撤回时间", null=True, blank=True)
    withdrawal_reason = models.TextField("撤回理由", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "政府信息"
        verbose_name_plural = "政府信息"
        ordering = ["-published_on", "-index_number", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "index_year", "index_sequence"],
                condition=models.Q(index_sequence__isnull=False),
                name="publication_index_sequence_unique",
            ),
        ]
        indexes = [
            # The catalog's pages and the Atom feeds: a body's (or category's) published items, newest first.
            models.Index(
                fields=["agency", "status", "published_on", "index_number"], name="publication_listing"
            ),
            models.Index(
                fields=["category", "status", "published_on", "index_number"], name="publication_category"
            ),
            models.Index(fields=["agency", "kind", "status"], name="publication_kind"),
            models.Index(fields=["agency", "status", "updated_at"], name="publication_workbench"),
            # The document page's linked items. Partial: nearly every item links to nothing, and SQLite's
            # statistics, which count the NULLs as one value, made it scan the table past a full index.
            models.Index(
                fields=["successor"],
                condition=models.Q(successor__isnull=False),
                name="publication_successor",
            ),
            models.Index(
                fields=["interprets"],
                condition=models.Q(interprets__isnull=False),
                name="publication_interprets",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The public page of a published item."""
        from django.urls import reverse

        return reverse("disclosure:item", args=[self.agency.code, self.serial])

    @property
    def issuer_name(self) -> str:
        return self.issuer or self.agency.name

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def is_normative(self) -> bool:
        return self.kind in NORMATIVE_KINDS

    @property
    def channel_labels(self) -> list[str]:
        return [Channel(c).label for c in self.channels or [] if c in Channel.values]

    @property
    def serial(self) -> str:
        """The index number without the body's code: "2024-00012", the last part of the item's address."""
        return f"{self.index_year}-{self.index_sequence:05d}" if self.index_sequence else ""


class PublicationCounter(models.Model):
    """The last index-number sequence given to one body's items in one year (locked while numbering)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField("年度")
    last = models.PositiveIntegerField("已用到的序号", default=0)

    class Meta:
        verbose_name = "索引号计数器"
        verbose_name_plural = "索引号计数器"
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="publication_counter_unique")]

    def __str__(self) -> str:
        return f"{self.agency.code} {self.year}: {self.last}"


class AttachmentType(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word（DOCX）"
    PNG = "png", "PNG 图片"
    JPEG = "jpeg", "JPEG 图片"


class Attachment(models.Model):
    """A file published with an item; its text is extracted for search and for the guard."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField("文件名", max_length=200)
    file = models.FileField(upload_to="publications/%Y/%m/", max_length=300)
    type = models.CharField("类型", max_length=8, choices=AttachmentType.choices)
    size = models.PositiveBigIntegerField("大小")
    sha256 = models.CharField(max_length=64)
    text = models.TextField("提取的文字", blank=True)
    text_note = models.CharField("提取说明", max_length=200, blank=True)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "附件"
        verbose_name_plural = "附件"

    def __str__(self) -> str:
        return self.name


class FindingKind(models.TextChoices):
    ID_NUMBER = "id_number", "居民身份证号码"
    MOBILE = "mobile", "手机号码"
    BANK_CARD = "bank_card", "银行卡号"
    SECRECY_MARK = "secrecy_mark", "密级或内部标识"


class FindingStatus(models.TextChoices):
    OPEN = "open", "待处理"
    DISMISSED = "dismissed", "审核人确认可公开"
    ACCEPTED = "accepted", "负责人批准公开"
    RESOLVED = "resolved", "已修改消除"


class Finding(models.Model):
    """One match of the sensitive-information guard, shown in context until a reviewer decides on it."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField("类型", max_length=16, choices=FindingKind.choices)
    # Where: "title", "doc_number", "body" or "attachment:<id>"; the matched text and its context.
    source = models.CharField("位置", max_length=40)
    source_label = models.CharField("位置说明", max_length=220)
    match = models.CharField("命中内容", max_length=100)
    before = models.CharField(max_length=60, blank=True)
    after = models.CharField(max_length=60, blank=True)
    status = models.CharField(
        "状态", max_length=16, choices=FindingStatus.choices, default=FindingStatus.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="决定人",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField("理由", blank=True)
    found_at = models.DateTimeField(auto_now_add=True)
    # Found on an item already published (an on-demand scan or an import): reported, blocks nothing.
    after_publication = models.BooleanField(default=False)

    class Meta:
        ordering = ["publication", "id"]
        verbose_name = "敏感信息检查结果"
        verbose_name_plural = "敏感信息检查结果"
        indexes = [models.Index(fields=["publication", "status"], name="finding_status")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.match}"


class EventKind(models.TextChoices):
    CREATED = "created", "起草"
    EDITED = "edited", "修改"
    ATTACHMENT_ADDED = "attachment_added", "添加附件"
    ATTACHMENT_REMOVED = "attachment_removed", "删除附件"
    SUBMITTED = "submitted", "提交审核"
    REVIEW_APPROVED = "review_approved", "保密审查通过"
    HEAD_APPROVED = "head_approved", "负责人批准发布"
    RETURNED = "returned", "退回修改"
    FINDING_DECIDED = "finding_decided", "处理敏感信息"
    PUBLISHED = "published", "发布"
    IMPORTED = "imported", "导入（已公开）"
    WITHDRAWN = "withdrawn", "撤回"
    VALIDITY_CHANGED = "validity_changed", "变更有效性"
    SCANNED = "scanned", "敏感信息检查"


class PublicationEvent(models.Model):
    """An append-only record of one change of an item: who, when, what, before and after."""

    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="events", verbose_name="政府信息"
    )
    kind = models.CharField("事件", max_length=24, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="操作人",
    )
    at = models.DateTimeField("记录时间", auto_now_add=True)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    data = models.JSONField(default=dict, blank=True)
    note = models.TextField("说明", blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = "政府信息办理记录"
        verbose_name_plural = "政府信息办理记录"
        indexes = [models.Index(fields=["publication", "kind"], name="publication_event_kind")]

    def __str__(self) -> str:
        return f"{self.publication_id} {self.kind}"


class Guide(models.Model):
    """The body's 公开指南 (条例第十九条 / 第四条), edited by its staff; shown on the portal."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="guide", verbose_name="机关")
    office = models.CharField("政府信息公开工作机构", max_length=200, blank=True)
    address = models.CharField("办公地址", max_length=300, blank=True)
    postcode = models.CharField("邮政编码", max_length=16, blank=True)
    hours = models.CharField("办公时间", max_length=200, blank=True)
    phone = models.CharField("联系电话", max_length=100, blank=True)
    fax = models.CharField("传真", max_length=100, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    how_to_apply = models.TextField("申请方式和程序", blank=True)
    fees = models.TextField("收费", blank=True)
    remedies = models.TextField("救济途径", blank=True)
    other = models.TextField("其他事项", blank=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="更新人",
    )

    class Meta:
        verbose_name = "公开指南"
        verbose_name_plural = "公开指南"

    def __str__(self) -> str:
        return f"{self.agency.name}政府信息公开指南"


class NormativeRegister(models.Model):
    """From which year the body's register of normative documents in Gongkai is complete: table 二 第（一）项 is
    computed from the records for that year and later, and entered by hand before it."""

    agency = models.OneToOneField(
        Agency, on_delete=models.CASCADE, related_name="normative_register", verbose_name="机关"
    )
    complete_from = models.PositiveIntegerField("记录完整起始年度")
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="设置人",
    )
    set_at = models.DateTimeField("设置时间", auto_now=True)

    class Meta:
        verbose_name = "规范性文件库"
        verbose_name_plural = "规范性文件库"

    def __str__(self) -> str:
        return f"{self.agency.name} 自{self.complete_from}年"
