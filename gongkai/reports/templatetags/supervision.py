"""`{% figure_beside_last_year now was %}`: a key figure of the supervision dashboard with last year's
beneath it, as one table cell (— for a blank figure). A tag rather than an `{% include %}`: the
dashboard prints five of them for each of a region's hundreds of bodies."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


def _shown(value: int | Decimal | None) -> str:
    return "—" if value is None else str(localize(value))


@register.simple_tag
def figure_beside_last_year(now: int | Decimal | None, was: int | Decimal | None) -> SafeString:
    return format_html(
        '<td class="num">{}<span class="was" title="上年">{}</span></td>', _shown(now), _shown(was)
    )
