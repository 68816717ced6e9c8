"""`{{ event|notice }}`: the `notices.Notice` an application's event sent to the applicant, for the
templates that print it (they render its fields and word nothing themselves)."""

from __future__ import annotations

from django import template

from gongkai.applications.models import ApplicationEvent, NoticeDelivery
from gongkai.applications.notices import Notice, notice_for_event

register = template.Library()


@register.filter
def notice(event: ApplicationEvent) -> Notice:
    return notice_for_event(event)


@register.filter
def delivery_method(code: str) -> str:
    """The Chinese name of how a notice was served (送达), e.g. "in_person" → 直接送达."""
    return NoticeDelivery(code).label if code in NoticeDelivery.values else code
