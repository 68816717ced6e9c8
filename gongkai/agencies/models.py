"""The tree of bodies (政府 → 部门, 乡镇/街道) and users' roles per body."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone


def this_year() -> int:
    """The year a body is entered: it makes its annual reports in Gongkai from that year on."""
    return timezone.localdate().year


class Agency(models.Model):
    """A body that discloses information (行政机关), identified by its code."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", "人民政府"
        DEPARTMENT = "department", "政府部门"
        TOWNSHIP = "township", "乡镇/街道"

    class Level(models.TextChoices):
        PROVINCE = "province", "省级"
        PREFECTURE = "prefecture", "地市级"
        COUNTY = "county", "县级"
        TOWNSHIP = "township", "乡镇级"

    code = models.CharField("机关代码", max_length=32, unique=True)
    name = models.CharField("机关名称", max_length=200)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name="上级机关",
    )
    kind = models.CharField("类型", max_length=16, choices=Kind.choices, default=Kind.DEPARTMENT)
    level = models.CharField("层级", max_length=16, choices=Level.choices, default=Level.COUNTY)
    # Materialised path "/ROOT/…/CODE/": a subtree is one indexed prefix query.
    path = models.CharField(max_length=1000, db_index=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # The first year whose annual report the body makes in Gongkai (条例第四十九条's deadline is counted
    # from it): a year before it, unless a report of it is here, was reported before the body used
    # Gongkai and is never overdue nor reminded of. Set to the year a body is entered; an administrator
    # moves it (earlier for a body whose records go back further).
    reports_from = models.PositiveSmallIntegerField(
        "年度报告起始年度",
        default=this_year,
        help_text="本机关自该年度起在本系统编制年度报告；此前的年度不计逾期、不发提醒，可导入已发布的报告。",
    )

    class Meta:
        ordering = ["path"]
        verbose_name = "机关"
        verbose_name_plural = "机关"

    def __str__(self) -> str:
        return f"{self.name}（{self.code}）"

    def save(self, *args: Any, **kwargs: Any) -> None:
        old_path = self.path
        self.path = self.compute_path()
        if self.parent_id and self.path.count(f"/{self.code}/") > 1:
            raise ValueError("机关不能成为其自身的下级。")
        super().save(*args, **kwargs)
        if old_path and old_path != self.path:
            # A moved body carries its subtree with it.
            for descendant in Agency.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
                descendant.path = self.path + descendant.path[len(old_path) :]
                descendant.save(update_fields=["path"])

    def compute_path(self) -> str:
        prefix = self.parent.path if self.parent_id and self.parent else "/"
        return f"{prefix}{self.code}/"

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2

    def subtree(self) -> models.QuerySet[Agency]:
        """This body and every body below it."""
        return Agency.objects.filter(path__startswith=self.path)

    def includes(self, other: Agency) -> bool:
        """Whether `other` is this body or a body below it (in its subtree)."""
        return other.path.startswith(self.path)

    def ancestors(self) -> models.QuerySet[Agency]:
        codes = [code for code in self.path.strip("/").split("/") if code and code != self.code]
        return Agency.objects.filter(code__in=codes)


class Membership(models.Model):
    """A user's role in one body."""

    class Role(models.TextChoices):
        STAFF = "staff", "工作人员"
        HEAD = "head", "负责人"
        REVIEWER = "reviewer", "审核人"  # 保密审查 of items before they are published
        SUPERVISOR = "supervisor", "主管部门"
        ADMIN = "admin", "系统管理员"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name="用户"
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="memberships", verbose_name="机关"
    )
    role = models.CharField("角色", max_length=16, choices=Role.choices)
    created_at = models.DateTimeField("授予时间", auto_now_add=True)

    class Meta:
        verbose_name = "角色"
        verbose_name_plural = "角色"
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "role"], name="membership_unique_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.agency.name} · {self.get_role_display()}"
