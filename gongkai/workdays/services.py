"""Changes to the working-day calendar.

Administrators only (系统管理员; the command line is trusted and passes no actor). Each change is logged,
bumps the calendar's version so every process reloads it, and sends `calendar_changed`: the applications
app recomputes the open applications' deadlines on it (a year's calendar entered late turns provisional
deadlines into final ones, DESIGN.md).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import Signal

from gongkai.agencies.permissions import require_admin, require_role
from gongkai.core.audit import audit_record
from gongkai.workdays import store
from gongkai.workdays.calendar import current_calendar
from gongkai.workdays.models import CalendarDay, CalendarYear, Source
from gongkai.workdays.package import package_version

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    Actor = User | AnonymousUser | None

NAME_MAX_LENGTH = CalendarDay._meta.get_field("name").max_length or 100
DEFAULT_WORKDAY_NAME = "调休上班"
DEFAULT_REST_DAY_NAME = "放假"

# Sent, inside the change's transaction, after each change of the calendar that can move a deadline, with
# `year` (None: any year) and `actor`. The applications app owns the deadlines and listens
# (`gongkai.applications.apps`): the calendar knows nothing of applications.
calendar_changed = Signal()


def _require_admin(actor: Actor, action: str, message: str) -> None:
    """Refuse anyone but an administrator; the refusal is logged outside the refused transaction."""
    if actor is not None:
        require_role(actor, None, require_admin, action=action, message=message)


def _check_date(value: object) -> datetime.date:
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise ValidationError(f"日期无效：{value!r}")
    return value


def _check_year(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9999:
        raise ValidationError(f"年度须为 1–9999 之间的整数：{value!r}")
    return value


def _recompute_open_due_dates(year: int | None, actor: Actor) -> None:
    calendar_changed.send(sender=calendar_changed, year=year, actor=actor)


def _entry_state(entry: CalendarDay | None) -> dict[str, Any] | None:
    if entry is None:
        return None
    return {"is_workday": entry.is_workday, "name": entry.name}


def calendar_day_set(
    *, date: datetime.date, is_workday: bool, name: str = "", actor: Actor = None
) -> CalendarDay:
    """Enter a day as a working day or a rest day. The administrator's entry wins over the package's."""
    _require_admin(actor, "calendar_day_set", f"设置日历：{date}")
    day = _check_date(date)
    if not isinstance(is_workday, bool):
        raise ValidationError("须指明该日是上班还是放假。")
    name = (name or "").strip() or (DEFAULT_WORKDAY_NAME if is_workday else DEFAULT_REST_DAY_NAME)
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError(f"名称不能超过 {NAME_MAX_LENGTH} 个字。")
    with transaction.atomic():
        calendar = current_calendar()
        was_workday, before = calendar.is_workday(day), calendar.describe_day(day)
        previous = CalendarDay.objects.filter(date=day, source=Source.ADMIN).first()
        previous_state = _entry_state(previous)
        entry, _ = CalendarDay.objects.update_or_create(
            date=day, source=Source.ADMIN, defaults={"is_workday": is_workday, "name": name}
        )
        store.bump_token()
        after = current_calendar().describe_day(day)
        audit_record(
            action="calendar_day_set",
            actor=actor,
            obj=entry,
            message=f"日历：{after}（原为 {before}）",
            detail={"date": day.isoformat(), "before": previous_state, "after": _entry_state(entry)},
        )
        if was_workday != is_workday:
            _recompute_open_due_dates(day.year, actor)
    return entry


def calendar_day_clear(*, date: datetime.date, actor: Actor = None) -> None:
    """Remove the administrator's entry for a day: it follows the package again, or Monday–Friday."""
    _require_admin(actor, "calendar_day_clear", f"清除日历录入：{date}")
    day = _check_date(date)
    with transaction.atomic():
        entry = CalendarDay.objects.filter(date=day, source=Source.ADMIN).first()
        if entry is None:
            origin = (
                "的安排来自 chinesecalendar 软件包，如需更改请录入管理员安排覆盖它"
                if CalendarDay.objects.filter(date=day, source=Source.PACKAGE).exists()
                else "按周一至周五计算"
            )
            raise ValidationError(f"{day.isoformat()} 没有管理员录入的安排可清除（该日{origin}）。")
        calendar = current_calendar()
        was_workday, before = calendar.is_workday(day), calendar.describe_day(day)
        previous_state = _entry_state(entry)
        entry.delete()
        store.bump_token()
        calendar = current_calendar()
        after = calendar.describe_day(day)
        audit_record(
            action="calendar_day_clear",
            actor=actor,
            message=f"日历：清除管理员录入，{after}（原为 {before}）",
            detail={"date": day.isoformat(), "before": previous_state, "after": None},
        )
        if was_workday != calendar.is_workday(day):
            _recompute_open_due_dates(day.year, actor)


def calendar_year_mark_complete(*, year: int, actor: Actor = None) -> CalendarYear:
    """Declare the official calendar of `year` entered: its deadlines are no longer provisional."""
    _require_admin(actor, "calendar_year_mark_complete", f"标记 {year} 年日历完整")
    year = _check_year(year)
    with transaction.atomic():
        check_year_can_be_complete(year)
        return _mark_year(year, complete=True, actor=actor)


def check_year_can_be_complete(year: int) -> None:
    """《全国年节及纪念日放假办法》第二条: every year has 13 days of holidays, and 春节 alone always takes
    weekdays, so a year without a single weekday holiday has not been entered yet."""
    entered = CalendarDay.objects.filter(date__year=year, is_workday=False)
    if not any(day.weekday() < 5 for day in entered.values_list("date", flat=True)):
        raise ValidationError(
            f"{year} 年还没有录入任何工作日放假的节假日，不能标记为完整；请先按国务院办公厅当年的放假通知录入节假日和调休上班日。"
        )


def calendar_year_mark_incomplete(*, year: int, actor: Actor = None) -> CalendarYear:
    """Withdraw a year's completeness: its deadlines are provisional again."""
    _require_admin(actor, "calendar_year_mark_incomplete", f"取消 {year} 年日历完整标记")
    year = _check_year(year)
    with transaction.atomic():
        return _mark_year(year, complete=False, actor=actor)


def _mark_year(year: int, *, complete: bool, actor: Actor) -> CalendarYear:
    row, created = CalendarYear.objects.select_for_update().get_or_create(
        year=year, defaults={"is_complete": complete, "source": Source.ADMIN}
    )
    before = False if created else row.is_complete  # a year without a row is incomplete
    if before == complete:
        return row
    row.is_complete = complete
    row.source = Source.ADMIN
    row.save()
    store.bump_token()
    audit_record(
        action="calendar_year_mark_complete" if complete else "calendar_year_mark_incomplete",
        actor=actor,
        obj=row,
        message=f"日历：{year} 年{'已完整录入' if complete else '改为暂定'}",
        detail={"year": year, "before": before, "after": complete},
    )
    _recompute_open_due_dates(year, actor)
    return row


def calendar_load_package(*, actor: Actor = None) -> range:
    """Reload the installed `chinesecalendar` package's data (after an upgrade that adds a year);
    administrators' entries and decisions are kept. Returns the years the package covers."""
    _require_admin(actor, "calendar_load_package", "按 chinesecalendar 软件包更新日历")
    with transaction.atomic():
        years = store.load_package()
        store.bump_token()
        audit_record(
            action="calendar_load_package",
            actor=actor,
            message=f"日历：按 chinesecalendar {package_version()} 更新 {years.start}–{years.stop - 1} 年",
            detail={"version": package_version(), "first_year": years.start, "last_year": years.stop - 1},
        )
        _recompute_open_due_dates(None, actor)
    return years
