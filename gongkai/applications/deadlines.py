"""The reply deadline of an application, computed from its date of receipt and its events.

Nothing here writes: `compute_deadline` reads the application, its events and the working-day
calendar (`gongkai.workdays.calendar`), and returns the due date with the steps that explain it.
The services store a copy (`due_date`, `due_date_provisional`) after every event.

The rules (条例 = 《政府信息公开条例》, 2019 unless the application falls under the 2007 text):
- reply within 20 working days of receipt (第三十三条第一款); 15 under the 2007 条例 (第二十四条),
  which governs applications received before 2019-05-15, when the 2019 revision came into force;
- 补正 (第三十条): while the applicant corrects, no reply period runs; it starts again, in full,
  on the day the corrected application is received;
- the time a third party or another body takes to answer a consultation is not counted
  (第三十三条第三款, 第三十二条, 第三十四条): from the day it is sent to the day the answer arrives,
  at most the 15 working days they are given;
- the time from a fee notice to payment is not counted (国办函〔2020〕109号);
- one extension of at most 20 working days (15 under the 2007 条例) is added (第三十三条第二款).

Time already run out stays run out: a consultation or fee notice that starts after the due date
does not move it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from gongkai.applications.models import Application, ApplicationEvent, EventKind, Result
from gongkai.workdays.calendar import (
    DueDate,
    WorkdayCalendar,
    add_workdays,
    current_calendar,
)

REGULATION_2019_IN_FORCE = date(2019, 5, 15)
DUE_SOON_WORKDAYS = 5
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

DeadlineState = Literal["overdue", "due_soon", "ok"]
Waiting = Literal["", "receipt", "correction", "consultation", "payment"]


@dataclass(frozen=True)
class Regime:
    """The periods of the 条例 version that governs an application."""

    key: str
    regulation: str
    reply_article: str
    reply_workdays: int
    max_extension_workdays: int
    # Days a consulted party has to answer (条例第三十二条); the 2007 text set none.
    consultation_workdays: int | None
    # Days within which a correction must be requested (条例第三十条); the 2007 text set none.
    correction_notice_workdays: int | None


REGIME_2019 = Regime(
    key="2019",
    regulation="《中华人民共和国政府信息公开条例》",
    reply_article="第三十三条",
    reply_workdays=20,
    max_extension_workdays=20,
    consultation_workdays=15,
    correction_notice_workdays=7,
)
REGIME_2007 = Regime(
    key="2007",
    regulation="《中华人民共和国政府信息公开条例》（2007年）",
    reply_article="2007年条例第二十四条",
    reply_workdays=15,
    max_extension_workdays=15,
    consultation_workdays=None,
    correction_notice_workdays=None,
)

FEE_PAYMENT_WORKDAYS = 20  # 缴费期限：收到收费通知次日起20个工作日


def regime_for(received_on: date) -> Regime:
    """The 2019 条例 governs applications received from 2019-05-15 (国务院令第711号); earlier ones run
    under the 2007 text."""
    return REGIME_2019 if received_on >= REGULATION_2019_IN_FORCE else REGIME_2007


@dataclass(frozen=True)
class Deadline:
    """The reply deadline and how it was reached.

    `due_date` is None while no reply period runs: before receipt is confirmed, while the applicant
    corrects the application or has a fee to pay (then `correction_due` / `payment_due` say until when),
    and under the 2007 条例 while a consultation is open. `due_before_extension` is the date an
    extension notice must not be later than (条例第三十三条第二款)."""

    due_date: date | None
    provisional: bool
    steps: list[str]
    regime: Regime | None = None
    clock_start: date | None = None
    due_before_extension: date | None = None
    extended: bool = False
    waiting: Waiting = ""
    correction_due: date | None = None
    payment_due: date | None = None
    consultation_due: dict[int, date] = field(default_factory=dict)


def format_day(day: date) -> str:
    """2025-03-03（周一）"""
    return f"{day.isoformat()}（{WEEKDAYS[day.weekday()]}）"


def provisional_note(start: date, end: date, calendar: WorkdayCalendar | None = None) -> str:
    calendar = calendar or current_calendar()
    years = [str(y) for y in range(start.year, end.year + 1) if not calendar.year_is_complete(y)]
    if not years:
        return ""
    return f"（暂定：{'、'.join(years)}年节假日调休安排尚未公布，按法定节假日计算）"


def deadline_state(due_date: date | None, today: date, horizon: date | None = None) -> DeadlineState | None:
    """overdue once the due date has passed; due_soon with at most 5 working days left (the due date
    itself counts as one); None without a due date. For open applications only. A list passes the
    `horizon` of `due_soon_horizon(today)` once, so that rows do not each read the calendar."""
    if due_date is None:
        return None
    if today > due_date:
        return "overdue"
    return "due_soon" if due_date <= (horizon or due_soon_horizon(today)) else "ok"


def due_soon_horizon(today: date) -> date:
    """The latest due date that is due soon on `today` (for queries: due_date <= this): the day before
    the 6th working day after it, so that exactly the due dates with at most 5 working days left fall
    on or before it, a due date on a rest day included."""
    return add_workdays(today, DUE_SOON_WORKDAYS + 1).date - timedelta(days=1)


def _date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        return date.fromisoformat(value)
    return None


def _deliveries(events: Sequence[ApplicationEvent]) -> dict[int, date]:
    """The first day each notice was served on the applicant, by the notice's event id."""
    served: dict[int, date] = {}
    for event in events:
        if event.kind == EventKind.DELIVERED and event.effective_on is not None:
            notice = int(event.data.get("notice_event", 0))
            if notice not in served or event.effective_on < served[notice]:
                served[notice] = event.effective_on
    return served


def notice_received_on(notice: ApplicationEvent, served: dict[int, date]) -> date:
    """The day the applicant received a notice: its recorded delivery, else the notice's own date."""
    assert notice.effective_on is not None
    return served.get(notice.pk, notice.effective_on)


def _special_days_step(calendar: WorkdayCalendar, start: date, end: date) -> str | None:
    """The holidays and make-up days inside the period, grouped into runs: "其间：国庆节、中秋节
    2025-10-01至2025-10-08 放假；国庆节调休上班 2025-10-11 上班"."""
    runs: list[tuple[bool, list[str], date, date]] = []
    for entry in calendar.special_days_between(start, end):
        name = entry.name
        # A run of holidays continues across the weekend inside it (劳动节 05-01至05-05).
        if (
            runs
            and runs[-1][0] == entry.is_workday
            and calendar.workdays_between(runs[-1][3], entry.date - timedelta(days=1)) == 0
        ):
            workday, names, first, _ = runs[-1]
            if name not in names:
                names.append(name)
            runs[-1] = (workday, names, first, entry.date)
        else:
            runs.append((entry.is_workday, [name], entry.date, entry.date))
    if not runs:
        return None
    parts = []
    for workday, names, first, last in runs:
        span = first.isoformat() if first == last else f"{first.isoformat()}至{last.isoformat()}"
        parts.append(f"{'、'.join(names)} {span} {'上班' if workday else '放假'}")
    return "其间：" + "；".join(parts)


@dataclass
class _Pause:
    """An interval (start, end] whose working days are not counted."""

    begins: date
    ends: date
    label: str
    open_note: str = ""


def compute_deadline(
    application: Application,
    events: Iterable[ApplicationEvent] | None = None,
    *,
    calendar: WorkdayCalendar | None = None,
) -> Deadline:
    """The reply deadline of `application` from its date of receipt and its events (`events` defaults
    to `application.events.all()`, which uses a prefetch when there is one). `calendar` defaults to
    the current working-day calendar; pass one to compute many deadlines on the same snapshot."""
    calendar = calendar or current_calendar()
    ordered = sorted(application.events.all() if events is None else events, key=lambda e: (e.at, e.pk or 0))
    received = application.received_on
    if received is None:
        return Deadline(
            due_date=None,
            provisional=False,
            steps=[
                "待确认收到申请（条例第三十一条：网络、传真、平信提交的申请，以双方确认之日为收到申请之日）"
            ],
            waiting="receipt",
        )
    regime = regime_for(received)
    steps = [f"收到申请 {format_day(received)}"]
    if regime is REGIME_2007:
        steps.append(
            "2019年5月15日前收到的申请，适用2007年《政府信息公开条例》：15个工作日，延期最长15个工作日"
        )
    served = _deliveries(ordered)
    by_kind: dict[str, list[ApplicationEvent]] = {}
    for event in ordered:
        by_kind.setdefault(event.kind, []).append(event)

    def first(kind: str) -> ApplicationEvent | None:
        found = by_kind.get(kind)
        return found[0] if found else None

    # 条例第三十条: the reply period runs from the day the corrected application is received.
    start = received
    correction = first(EventKind.CORRECTION_REQUESTED)
    if correction is not None:
        assert correction.effective_on is not None
        corrected = first(EventKind.CORRECTION_RECEIVED)
        if corrected is None or corrected.effective_on is None:
            period = int(correction.data.get("period_workdays", 0))
            basis = notice_received_on(correction, served)
            correction_due = calendar.add_workdays(basis, period)
            steps.append(
                f"补正：{correction.effective_on.isoformat()} 告知补正，补正期限{period}个工作日，"
                f"至 {format_day(correction_due.date)}；收到补正之日起重新计算答复期限（条例第三十条）"
            )
            submitted = by_kind.get(EventKind.CORRECTION_SUBMITTED)
            if submitted and submitted[-1].effective_on is not None:
                steps.append(f"{submitted[-1].effective_on.isoformat()} 申请人网上提交补正材料，待确认收到")
            lapsed = first(EventKind.CORRECTION_LAPSED)
            if lapsed is not None and lapsed.effective_on is not None:
                steps.append(f"{lapsed.effective_on.isoformat()} 逾期未补正，视为放弃申请，不再处理")
            elif not application.is_open:
                steps.append("申请已办结")
            return Deadline(
                due_date=None,
                provisional=correction_due.provisional,
                steps=[
                    *steps,
                    *(
                        [provisional_note(basis, correction_due.date, calendar)]
                        if correction_due.provisional
                        else []
                    ),
                ],
                regime=regime,
                waiting="correction" if application.is_open else "",
                correction_due=correction_due.date,
            )
        start = corrected.effective_on
        steps.append(
            f"补正：{correction.effective_on.isoformat()} 告知补正，{start.isoformat()} 收到补正，答复期限重新计算"
        )

    total = regime.reply_workdays
    due = calendar.add_workdays(start, total)
    since = "" if start == received else f"自 {start.isoformat()} 起"
    steps.append(f"{regime.reply_article}：{since}{total}个工作日 → {format_day(due.date)}")

    # Consultations and fee notices pause the clock; the extension adds days. Taken in date order.
    pauses: list[_Pause] = []
    consultation_due: dict[int, date] = {}
    waiting: Waiting = ""
    payment_due: DueDate | None = None
    ended_by_start = {
        int(e.data.get("consultation", 0)): e for e in by_kind.get(EventKind.CONSULTATION_ENDED, [])
    }
    for event in by_kind.get(EventKind.CONSULTATION_STARTED, []):
        sent = event.effective_on
        assert sent is not None
        party = str(event.data.get("party", ""))
        what = "征求第三方意见" if event.data.get("kind") != "other_body" else "征求其他机关意见"
        label = f"{what}（{party}）" if party else what
        ended = ended_by_start.get(event.pk)
        answered = ended.effective_on if ended is not None else None
        cap = (
            calendar.add_workdays(sent, regime.consultation_workdays)
            if regime.consultation_workdays
            else None
        )
        if cap is not None:
            consultation_due[event.pk] = cap.date
        if answered is not None:
            if cap is not None and answered > cap.date:
                pauses.append(
                    _Pause(
                        sent,
                        cap.date,
                        label,
                        f"，超过{regime.consultation_workdays}个工作日的部分计入答复期限",
                    )
                )
            else:
                pauses.append(_Pause(sent, answered, label))
        elif cap is not None and application.is_open:
            # Not yet answered: the party has until the cap, and until then the clock stands still.
            pauses.append(_Pause(sent, cap.date, label, "，尚未收到意见，暂按答复期限届满计"))
        elif application.is_open:
            waiting = "consultation"
            steps.append(f"{label}：{sent.isoformat()} 发出，尚未收到意见，收到后继续计算答复期限")
    for event in by_kind.get(EventKind.FEE_NOTIFIED, []):
        notified = event.effective_on
        assert notified is not None
        paid = next((e for e in by_kind.get(EventKind.FEE_PAID, []) if e.effective_on), None)
        lapsed = first(EventKind.FEE_LAPSED)
        ends = paid.effective_on if paid else (lapsed.effective_on if lapsed else None)
        if ends is not None:
            pauses.append(_Pause(notified, ends, "收费通知至缴费"))
        else:
            payment_due = calendar.add_workdays(notice_received_on(event, served), FEE_PAYMENT_WORKDAYS)
            if application.is_open:
                waiting = "payment"
            steps.append(
                f"收费：{notified.isoformat()} 发出收费通知，缴费期限至 {format_day(payment_due.date)}；"
                "缴费之前的时间不计入答复期限，缴费后继续计算"
            )

    extension = first(EventKind.EXTENDED)
    adjustments: list[tuple[date, _Pause | ApplicationEvent]] = [(p.begins, p) for p in pauses]
    if extension is not None and extension.effective_on is not None:
        adjustments.append((extension.effective_on, extension))
    adjustments.sort(key=lambda item: (item[0], isinstance(item[1], ApplicationEvent)))

    due_before_extension: date | None = None
    covered_until = start
    for _, item in adjustments:
        if isinstance(item, ApplicationEvent):
            due_before_extension = due.date
            days = int(item.data.get("workdays", 0))
            total += days
            due = calendar.add_workdays(start, total)
            approved = item.data.get("approved_on", "")
            steps.append(f"延期{days}个工作日（负责人批准 {approved}）→ {format_day(due.date)}")
            continue
        pause = item
        span = f"{pause.begins.isoformat()} 至 {pause.ends.isoformat()}"
        if pause.ends <= start:
            steps.append(f"{pause.label} {span}：在补正之前，答复期限已自收到补正之日起重新计算")
            continue
        if pause.begins > due.date:
            steps.append(f"{pause.label} {span}：答复期限此前已届满，不再扣除")
            continue
        # Working days already excluded by an earlier pause are not excluded twice.
        counted_from = max(pause.begins, covered_until, start)
        days = calendar.workdays_between(counted_from, pause.ends)
        covered_until = max(covered_until, pause.ends)
        total += days
        due = calendar.add_workdays(start, total)
        overlap = "（与前项重叠的日期不重复扣除）" if counted_from > max(pause.begins, start) else ""
        steps.append(
            f"{pause.label} {span}，不计入答复期限（{days}个工作日）{overlap}{pause.open_note} → {format_day(due.date)}"
        )

    if due_before_extension is None:
        due_before_extension = due.date
    if waiting in ("payment", "consultation"):
        return Deadline(
            due_date=None,
            provisional=payment_due.provisional if payment_due else False,
            steps=steps,
            regime=regime,
            clock_start=start,
            due_before_extension=due_before_extension,
            extended=extension is not None,
            waiting=waiting,
            payment_due=payment_due.date if payment_due else None,
            consultation_due=consultation_due,
        )

    if special := _special_days_step(calendar, start, due.date):
        steps.append(special)
    steps.append(
        f"答复期限：{format_day(due.date)}{provisional_note(start, due.date, calendar) if due.provisional else ''}"
    )
    if not application.is_open and application.closed_on is not None:
        result = Result(application.result).label if application.result in Result.values else ""
        late = calendar.workdays_between(due.date, application.closed_on)
        timing = f"，超过答复期限{late}个工作日" if late else "，在答复期限内"
        steps.append(f"{application.closed_on.isoformat()} 办结{('：' + result) if result else ''}{timing}")
    return Deadline(
        due_date=due.date,
        provisional=due.provisional,
        steps=steps,
        regime=regime,
        clock_start=start,
        due_before_extension=due_before_extension,
        extended=extension is not None,
        consultation_due=consultation_due,
        payment_due=payment_due.date if payment_due else None,
    )
