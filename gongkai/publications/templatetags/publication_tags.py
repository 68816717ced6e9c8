"""Rendering a body (sanitised again on the way out) and highlighted parts."""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from gongkai.publications.sanitize import sanitize_body
from gongkai.search.highlight import Part

register = template.Library()


@register.filter
def sanitized(body: str) -> SafeString:
    """The stored body is sanitised when saved; it is sanitised again here, so no stored script ever runs."""
    return mark_safe(sanitize_body(body))  # noqa: S308 (the output of the allow-list sanitiser)


@register.simple_tag
def parts(items: list[Part]) -> SafeString:
    """Text with its matches in <mark>, everything escaped."""
    return mark_safe("".join(f"<mark>{escape(p.text)}</mark>" if p.mark else escape(p.text) for p in items))  # noqa: S308


@register.filter
def get(mapping: dict[str, object], key: str) -> object:
    return mapping.get(key, "")
