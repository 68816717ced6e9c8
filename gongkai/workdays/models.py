"""The statutory working-day calendar (工作日): per-day exceptions to Monday–Friday and per-year completeness.

Change it only through `gongkai.workdays.services`: they log the change, bump `CalendarVersion` (so
every process reloads its snapshot) and recompute the open applications' deadlines.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class Source(models.TextChoices):
    PACKAGE = "package", "chinesecalendar 软件包"
    ADMIN = "admin", "管理员录入"


class CalendarDay(models.Model):
    """A day that departs from (or is confirmed against) Monday–Friday: a holiday or a make-up working day.

    A date may have one row per source; the administrator's row wins over the package's.
    """

    date = models.DateField("日期")
    is_workday = models.BooleanField("工作日", help_text="勾选：上班（如调休上班）；不勾选：放假休息")
    name = models.CharField("名称", max_length=100, help_text="如：国庆节、国庆节调休上班")
    source = models.CharField("来源", max_length=16, choices=Source.choices, default=Source.ADMIN)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        ordering = ["date", "source"]
        verbose_name = "节假日与调休"
        verbose_name_plural = "节假日与调休"
        constraints = [
            models.UniqueConstraint(fields=["date", "source"], name="calendar_day_unique_per_source"),
        ]

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.name}（{'班' if self.is_workday else '休'}）"


class CalendarYear(models.Model):
    """Whether the official calendar of a year is known. Deadlines running through an incomplete year are
    counted Monday–Friday there and marked provisional (暂定)."""

    year = models.PositiveIntegerField(
        "年度", unique=True, validators=[MinValueValidator(1), MaxValueValidator(9999)]
    )
    is_complete = models.BooleanField("官方日历已完整录入", default=False)
    source = models.CharField("来源", max_length=16, choices=Source.choices, default=Source.ADMIN)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        ordering = ["year"]
        verbose_name = "日历年度"
        verbose_name_plural = "日历年度"

    def __str__(self) -> str:
        return f"{self.year}年（{'完整' if self.is_complete else '暂定'}）"


class CalendarVersion(models.Model):
    """One row whose token changes with every change of the calendar: the cheap check that tells each
    process to reload its in-memory snapshot. A random token, not a counter, so that a rolled-back change
    can never be mistaken for a later committed one."""

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = "日历版本"
        verbose_name_plural = "日历版本"

    def __str__(self) -> str:
        return self.token
