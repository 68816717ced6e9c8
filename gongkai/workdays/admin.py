"""The calendar in the Django admin, for 系统管理员.

Saving goes through `gongkai.workdays.services`, so every change is logged and the open applications'
deadlines are recomputed. The package's rows are read-only: an administrator overrides a day by adding
an entry of their own for it, which wins.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from gongkai.agencies.permissions import is_admin
from gongkai.workdays.models import CalendarDay, CalendarYear, Source
from gongkai.workdays.services import (
    calendar_day_clear,
    calendar_day_set,
    calendar_year_mark_complete,
    calendar_year_mark_incomplete,
    check_year_can_be_complete,
)


class CalendarAdminMixin:
    """Only 系统管理员 see and change the calendar (the services check again)."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return is_admin(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_admin(request.user)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_admin(request.user)


class CalendarYearForm(forms.ModelForm[CalendarYear]):
    class Meta:
        model = CalendarYear
        fields = ["year", "is_complete"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        year = cleaned.get("year", self.instance.year)
        if cleaned.get("is_complete") and year:
            check_year_can_be_complete(year)
        return cleaned


@admin.register(CalendarDay)
class CalendarDayAdmin(CalendarAdminMixin, admin.ModelAdmin[CalendarDay]):
    list_display = ["date", "weekday", "name", "is_workday", "source"]
    list_filter = ["source", "is_workday"]
    search_fields = ["name"]
    date_hierarchy = "date"
    fields = ["date", "is_workday", "name", "source"]
    readonly_fields = ["source"]

    @admin.display(description="星期")
    def weekday(self, obj: CalendarDay) -> str:
        return "一二三四五六日"[obj.date.weekday()]

    def get_readonly_fields(self, request: HttpRequest, obj: CalendarDay | None = None) -> list[str]:
        # A day's date is its identity: to move an entry, clear it and enter the other day.
        return ["date", "source"] if obj is not None else ["source"]

    def has_change_permission(self, request: HttpRequest, obj: CalendarDay | None = None) -> bool:
        return is_admin(request.user) and (obj is None or obj.source == Source.ADMIN)

    def has_delete_permission(self, request: HttpRequest, obj: CalendarDay | None = None) -> bool:
        return is_admin(request.user) and (obj is None or obj.source == Source.ADMIN)

    def save_model(self, request: HttpRequest, obj: CalendarDay, form: Any, change: bool) -> None:
        saved = calendar_day_set(date=obj.date, is_workday=obj.is_workday, name=obj.name, actor=request.user)
        obj.pk, obj.source = saved.pk, saved.source

    def delete_model(self, request: HttpRequest, obj: CalendarDay) -> None:
        calendar_day_clear(date=obj.date, actor=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[CalendarDay]) -> None:
        # The package's rows are refused by has_delete_permission before this point.
        for day in queryset.filter(source=Source.ADMIN).values_list("date", flat=True):
            calendar_day_clear(date=day, actor=request.user)


@admin.register(CalendarYear)
class CalendarYearAdmin(CalendarAdminMixin, admin.ModelAdmin[CalendarYear]):
    list_display = ["year", "is_complete", "source", "updated_at"]
    list_filter = ["is_complete", "source"]
    fields = ["year", "is_complete", "source"]
    form = CalendarYearForm

    def has_change_permission(self, request: HttpRequest, obj: CalendarYear | None = None) -> bool:
        return is_admin(request.user)

    def get_readonly_fields(self, request: HttpRequest, obj: CalendarYear | None = None) -> list[str]:
        return ["year", "source"] if obj is not None else ["source"]

    def has_delete_permission(self, request: HttpRequest, obj: CalendarYear | None = None) -> bool:
        # Withdrawing completeness is done by unticking it, which is logged; rows are never deleted.
        return False

    def save_model(self, request: HttpRequest, obj: CalendarYear, form: Any, change: bool) -> None:
        mark = calendar_year_mark_complete if obj.is_complete else calendar_year_mark_incomplete
        saved = mark(year=obj.year, actor=request.user)
        obj.pk, obj.source = saved.pk, saved.source
