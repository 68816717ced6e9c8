"""`{% dashboard_rows lines year %}`: the rows of the supervision dashboard, one `<tr>` per body — name and
kind, status against the deadline, days left or late, publication date, the rules' errors and warnings,
and the key figures with last year's beneath them (— for a blank figure).

Written here rather than as a template loop: the dashboard of a region prints hundreds of bodies, a dozen
cells each, and the template engine's per-variable work (and a `{% url %}` per link) cost more than the
rest of the page together. Every value is escaped; each link is reversed once per page with a
placeholder and filled in per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from html import escape as _escape

from django import template
from django.urls import reverse
from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe

from gongkai.agencies.models import Agency
from gongkai.reports.annual.dashboard import OVERDUE, BodyLine
from gongkai.reports.selectors import KeyFigures

register = template.Library()


def escape(value: object) -> str:
    """As Django's `escape` (the standard library's, quotes included), without its lazy-string wrapper."""
    return _escape(str(value))


_CODE = "__code__"
_ID = "987654321"
_FIGURES = ("new_received", "results_total", "carried_out", "reconsideration", "litigation")
_KINDS = dict(Agency.Kind.choices)
_OVERDUE_ROW = ' class="row-overdue"'


def _url(name: str, *args: object) -> Callable[..., str]:
    """A URL pattern reversed once with placeholders; the returned function fills them (escaped for HTML)."""
    pattern = escape(reverse(name, args=args))
    if _CODE in pattern:
        return lambda code: pattern.replace(_CODE, escape(code))
    return lambda pk: pattern.replace(_ID, str(int(pk)))


def _date(value: date | None) -> str:
    return value.isoformat() if value is not None else "—"


class _Numbers:
    """Figures as the template showed them (`localize`), remembered: a region repeats small numbers."""

    def __init__(self) -> None:
        self.shown: dict[tuple[type, int | Decimal], str] = {}

    def __call__(self, value: int | Decimal | None) -> str:
        if value is None:
            return "—"
        key = (type(value), value)
        text = self.shown.get(key)
        if text is None:
            text = self.shown[key] = escape(localize(value))
        return text


def _share(share: float | None) -> str:
    # As `{% widthratio share 1 100 %}%`.
    return "—" if share is None else f"{round(float(share) * 100)}%"


def _days(line: BodyLine) -> str:
    if line.days_left is not None:
        left = f"剩{line.days_left}天" if line.days_left else "今天截止"
        return f'<span class="left">{left}</span>'
    if line.days_late:
        return f'<span class="late">逾期{line.days_late}天</span>'
    return "—"


def _checked(line: BodyLine) -> str:
    if line.errors is None:
        return "—"
    errors = " error" if line.errors else ""
    warnings = " warning" if line.warnings else ""
    return (
        f'<span class="count{errors}" title="错误">{line.errors}</span> '
        f'<span class="count{warnings}" title="警告">{line.warnings}</span>'
    )


@register.simple_tag
def dashboard_rows(lines: Iterable[BodyLine], year: int) -> SafeString:
    report_url = _url("reports:report", int(_ID))
    history_url = _url("reports:history", _CODE)
    coverage_url = _url("reports:annual_coverage", _CODE, int(year))
    number = _Numbers()
    rows = []
    for line in lines:
        agency = line.agency
        source = line.figures.source_label
        status = escape(line.status)
        notes = '<span class="was">更正中</span>' if line.correcting else ""
        if line.status == OVERDUE and line.state:
            notes += f'<span class="was">{escape(line.state_label)}</span>'
        now: KeyFigures | None = line.figures.values
        was: KeyFigures | None = line.previous.values
        figures = "".join(
            f'<td class="num">{number(getattr(now, name, None))}'
            f'<span class="was" title="上年">{number(getattr(was, name, None))}</span></td>'
            for name in _FIGURES
        )
        share_now = now.disclosed_share if now is not None else None
        share_was = was.disclosed_share if was is not None else None
        if line.imported_id:
            links = f'<a href="{report_url(line.imported_id)}">审核结果</a>'
        else:
            links = f'<a href="{history_url(agency.code)}">历年报告</a>'
        if agency.kind == Agency.Kind.GOVERNMENT:
            links += f'<br><a href="{coverage_url(agency.code)}">汇总范围</a>'
        rows.append(
            f"<tr{_OVERDUE_ROW if line.status == OVERDUE else ''}>"
            f'<td class="body depth-{agency.depth}">{escape(agency.name)}<span class="was">'
            f"{escape(_KINDS.get(agency.kind, agency.kind))}{f' · {escape(source)}' if source else ''}</span></td>"
            f'<td><span class="status {status}">{escape(line.status_label)}</span>{notes}</td>'
            f'<td class="nowrap">{_days(line)}<span class="was">{_date(line.deadline)}</span></td>'
            f'<td class="nowrap">{_date(line.published_on)}</td>'
            f'<td class="num nowrap">{_checked(line)}</td>'
            f"{figures}"
            f'<td class="num">{_share(share_now)}<span class="was" title="上年">{_share(share_was)}</span></td>'
            f'<td class="nowrap">{links}</td>'
            "</tr>"
        )
    return mark_safe("\n".join(rows))  # noqa: S308 (every value above is escaped)
