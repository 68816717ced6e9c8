"""条例第二十六条: proactive information is published within 20 working days of the day it was made or changed
(自该政府信息形成或者变更之日起20个工作日内). Derived from the dates, never stored."""

from __future__ import annotations

from datetime import date

from gongkai.publications.models import Publication
from gongkai.workdays.calendar import WorkdayCalendar, current_calendar

PUBLISH_WITHIN = 20  # working days, 条例第二十六条


def formed_on(publication: Publication) -> date | None:
    """The day the information was made or last changed: the period runs from it."""
    days = [d for d in (publication.made_on, publication.changed_on) if d]
    return max(days) if days else None


def publish_by(publication: Publication, calendar: WorkdayCalendar | None = None) -> date | None:
    start = formed_on(publication)
    if start is None:
        return None
    return (calendar or current_calendar()).add_workdays(start, PUBLISH_WITHIN).date


def is_late(publication: Publication, today: date, calendar: WorkdayCalendar | None = None) -> bool:
    """Published after its deadline, or not yet published and past it."""
    due = publish_by(publication, calendar)
    if due is None:
        return False
    return (publication.published_on or today) > due
