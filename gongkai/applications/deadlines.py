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

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal

from gongkai.applications.deadline_timeline import Correction, Extension, Timeline, read_timeline
from gongkai.applications.deadline_wording import (
    AwaitingReceipt,
    Closed,
    ClosedMeanwhile,
    ConsultationUnanswered,
    CorrectionLapsed,
    CorrectionReceived,
    CorrectionRunning,
    CorrectionSubmitted,
    DueOn,
    Extended,
    FeeUnpaid,
    Pause,
    Paused,
    PausedAfterDue,
    PausedBeforeCorrection,
    Provisional,
    Received,
    ReplyPeriod,
    SpecialDays,
    Step,
    UnderRegulation2007,
    explain,
)
from gongkai.applications.models import Application, ApplicationEvent, Result
from gongkai.workdays.calendar import (
    DueDate,
    WorkdayCalendar,
    add_workdays,
    current_calendar,
)

REGULATION_2019_IN_FORCE = date(2019, 5, 15)
DUE_SOON_WORKDAYS = 5

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


def compute_deadline(
    application: Application,
    events: Iterable[ApplicationEvent] | None = None,
    *,
    calendar: WorkdayCalendar | None = None,
) -> Deadline:
    """The reply deadline of `application` from its date of receipt and its events (`events` defaults
    to `application.events.all()`, which uses a prefetch when there is one). `calendar` defaults to
    the current working-day calendar; pass one to compute many deadlines on the same snapshot.

    In three parts: the timeline read from the events (`deadline_timeline`), the count of working days
    here, which records each step it takes, and those steps in words (`deadline_wording`)."""
    calendar = calendar or current_calendar()
    timeline = read_timeline(application, application.events.all() if events is None else events)
    deadline, steps = count(timeline, calendar)
    return replace(deadline, steps=explain(steps, calendar))


def count(timeline: Timeline, calendar: WorkdayCalendar) -> tuple[Deadline, list[Step]]:
    """The deadline the timeline gives (its `steps` left empty), and the steps taken to reach it."""
    received = timeline.received_on
    if received is None:
        return Deadline(due_date=None, provisional=False, steps=[], waiting="receipt"), [AwaitingReceipt()]
    regime = regime_for(received)
    steps: list[Step] = [Received(received)]
    if regime is REGIME_2007:
        steps.append(UnderRegulation2007())

    # 条例第三十条: the reply period runs from the day the corrected application is received.
    start = received
    correction = timeline.correction
    if correction is not None:
        if correction.received_on is None:
            return _correcting(timeline, correction, regime, steps, calendar)
        start = correction.received_on
        steps.append(CorrectionReceived(correction.notified_on, start))

    total = regime.reply_workdays
    due = calendar.add_workdays(start, total)
    steps.append(ReplyPeriod(regime.reply_article, None if start == received else start, total, due.date))

    # Consultations and fee notices pause the clock; the extension adds days. Taken in date order.
    pauses, consultation_due, waiting = _consultation_pauses(timeline, regime, calendar, steps)
    fee_pauses, payment_due, awaiting_payment = _fee_pauses(timeline, calendar, steps)
    pauses += fee_pauses
    if awaiting_payment:
        waiting = "payment"
    extension = timeline.extension
    due, due_before_extension = _adjusted(start, total, due, pauses, extension, calendar, steps)
    if waiting in ("payment", "consultation"):
        deadline = Deadline(
            due_date=None,
            provisional=payment_due.provisional if payment_due else False,
            steps=[],
            regime=regime,
            clock_start=start,
            due_before_extension=due_before_extension,
            extended=extension is not None,
            waiting=waiting,
            payment_due=payment_due.date if payment_due else None,
            consultation_due=consultation_due,
        )
        return deadline, steps

    steps += [SpecialDays(start, due.date), DueOn(start, due.date, due.provisional)]
    if not timeline.is_open and timeline.closed_on is not None:
        result = Result(timeline.result).label if timeline.result in Result.values else ""
        late = calendar.workdays_between(due.date, timeline.closed_on)
        steps.append(Closed(timeline.closed_on, result, late))
    deadline = Deadline(
        due_date=due.date,
        provisional=due.provisional,
        steps=[],
        regime=regime,
        clock_start=start,
        due_before_extension=due_before_extension,
        extended=extension is not None,
        consultation_due=consultation_due,
        payment_due=payment_due.date if payment_due else None,
    )
    return deadline, steps


def _fee_pauses(
    timeline: Timeline, calendar: WorkdayCalendar, steps: list[Step]
) -> tuple[list[Pause], DueDate | None, bool]:
    """The time from a fee notice to its payment (or lapse) stops the clock (国办函〔2020〕109号); an
    unpaid notice has its payment period, and an open application then waits for the payment."""
    pauses: list[Pause] = []
    payment_due: DueDate | None = None
    awaiting = False
    for notice in timeline.fee_notices:
        if notice.ended_on is not None:
            pauses.append(Pause(notice.notified_on, notice.ended_on, fee=True))
        else:
            payment_due = calendar.add_workdays(notice.notice_received_on, FEE_PAYMENT_WORKDAYS)
            awaiting = awaiting or timeline.is_open
            steps.append(FeeUnpaid(notice.notified_on, payment_due.date))
    return pauses, payment_due, awaiting


def _adjusted(
    start: date,
    total: int,
    due: DueDate,
    pauses: list[Pause],
    extension: Extension | None,
    calendar: WorkdayCalendar,
    steps: list[Step],
) -> tuple[DueDate, date]:
    """The due date once the pauses are taken out and the extension added, in date order (a pause before
    an extension of the same day); and the due date before the extension."""
    adjustments: list[tuple[date, Pause | Extension]] = [(p.begins, p) for p in pauses]
    if extension is not None and extension.notified_on is not None:
        adjustments.append((extension.notified_on, extension))
    adjustments.sort(key=lambda item: (item[0], isinstance(item[1], Extension)))
    due_before_extension: date | None = None
    covered_until = start
    for _, item in adjustments:
        if isinstance(item, Extension):
            due_before_extension = due.date
            total += item.workdays
            due = calendar.add_workdays(start, total)
            steps.append(Extended(item.workdays, item.approved_on, due.date))
            continue
        pause = item
        if pause.ends <= start:
            steps.append(PausedBeforeCorrection(pause))
            continue
        if pause.begins > due.date:
            steps.append(PausedAfterDue(pause))
            continue
        # Working days already excluded by an earlier pause are not excluded twice.
        counted_from = max(pause.begins, covered_until, start)
        days = calendar.workdays_between(counted_from, pause.ends)
        covered_until = max(covered_until, pause.ends)
        total += days
        due = calendar.add_workdays(start, total)
        steps.append(Paused(pause, days, counted_from > max(pause.begins, start), due.date))
    return due, due_before_extension or due.date


def _correcting(
    timeline: Timeline, correction: Correction, regime: Regime, steps: list[Step], calendar: WorkdayCalendar
) -> tuple[Deadline, list[Step]]:
    """While the applicant corrects the application no reply period runs (条例第三十条)."""
    correction_due = calendar.add_workdays(correction.notice_received_on, correction.period_workdays)
    steps.append(CorrectionRunning(correction.notified_on, correction.period_workdays, correction_due.date))
    if correction.submitted_on is not None:
        steps.append(CorrectionSubmitted(correction.submitted_on))
    if correction.lapsed_on is not None:
        steps.append(CorrectionLapsed(correction.lapsed_on))
    elif not timeline.is_open:
        steps.append(ClosedMeanwhile())
    if correction_due.provisional:
        steps.append(Provisional(correction.notice_received_on, correction_due.date))
    deadline = Deadline(
        due_date=None,
        provisional=correction_due.provisional,
        steps=[],
        regime=regime,
        waiting="correction" if timeline.is_open else "",
        correction_due=correction_due.date,
    )
    return deadline, steps


def _consultation_pauses(
    timeline: Timeline, regime: Regime, calendar: WorkdayCalendar, steps: list[Step]
) -> tuple[list[Pause], dict[int, date], Waiting]:
    """The time each consultation stops the clock: until its answer, at most the party's working days
    (条例第三十三条第三款); under the 2007 条例, which set no such days, until the answer comes."""
    pauses: list[Pause] = []
    consultation_due: dict[int, date] = {}
    waiting: Waiting = ""
    for consultation in timeline.consultations:
        sent, answered = consultation.sent_on, consultation.answered_on
        sent_pause = Pause(sent, sent, party=consultation.party, other_body=consultation.other_body)
        cap = (
            calendar.add_workdays(sent, regime.consultation_workdays)
            if regime.consultation_workdays
            else None
        )
        if cap is not None:
            consultation_due[consultation.event_id] = cap.date
        if answered is not None:
            if cap is not None and answered > cap.date:
                pauses.append(replace(sent_pause, ends=cap.date, beyond_cap=regime.consultation_workdays))
            else:
                pauses.append(replace(sent_pause, ends=answered))
        elif cap is not None and timeline.is_open:
            # Not yet answered: the party has until the cap, and until then the clock stands still.
            pauses.append(replace(sent_pause, ends=cap.date, unanswered=True))
        elif timeline.is_open:
            waiting = "consultation"
            steps.append(ConsultationUnanswered(sent_pause))
    return pauses, consultation_due, waiting
