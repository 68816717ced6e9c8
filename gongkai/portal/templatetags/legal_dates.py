"""`{{ value|chinese_date }}`: a legal date as notices print it, 2025年3月3日 (from a date or YYYY-MM-DD)."""

from __future__ import annotations

from datetime import date

from django import template

register = template.Library()


@register.filter
def chinese_date(value: date | str | None) -> str:
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return value
    elif isinstance(value, date):
        day = value
    else:
        return ""
    return f"{day.year}年{day.month}月{day.day}日"
