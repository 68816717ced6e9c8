"""`{% annual_countdown agency year %}`: the countdown to the deadline of a body's annual report."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.reports.annual.deadlines import report_countdown

register = template.Library()


@register.inclusion_tag("reports/annual/_countdown.html")
def annual_countdown(agency: Agency, year: int, show_name: bool = False) -> dict[str, Any]:
    return {
        "countdown": report_countdown(agency, int(year), timezone.localdate()),
        "agency_name": agency.name if show_name else "",
    }
