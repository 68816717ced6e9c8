"""The last part of a deadline: the step-by-step explanation, in Chinese, of how the due date was reached.
`gongkai.applications.deadlines` counts and records each step it takes as one of the records below;
`explain` words them. The calendar is read here only for the names of holidays and the years whose
arrangements are not yet published."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from gongkai.workdays.calendar import WorkdayCalendar, current_calendar

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def format_day(day: date) -> str:
    """2025-03-03（周一）"""
    return f"{day.isoformat()}（{WEEKDAYS[day.weekday()]}）"


def provisional_note(start: date, end: date, calendar: WorkdayCalendar | None = None) -> str:
    calendar = calendar or current_calendar()
    years = [str(y) for y in range(start.year, end.year + 1) if not calendar.year_is_complete(y)]
    if not years:
        return ""
    return f"（暂定：{'、'.join(years)}年节假日调休安排尚未公布，按法定节假日计算）"


def special_days(calendar: WorkdayCalendar, start: date, end: date) -> str | None:
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


# --- The steps ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pause:
    """An interval (begins, ends] whose working days are not counted: a consultation (`party`, and
    whether another body was consulted) or a fee notice (`fee`); `beyond_cap` the consulted party's
    days when its answer came after them; `unanswered` while no answer has come."""

    begins: date
    ends: date
    fee: bool = False
    party: str = ""
    other_body: bool = False
    beyond_cap: int | None = None
    unanswered: bool = False

    @property
    def label(self) -> str:
        if self.fee:
            return "收费通知至缴费"
        what = "征求其他机关意见" if self.other_body else "征求第三方意见"
        return f"{what}（{self.party}）" if self.party else what

    @property
    def span(self) -> str:
        return f"{self.begins.isoformat()} 至 {self.ends.isoformat()}"

    @property
    def open_note(self) -> str:
        if self.beyond_cap is not None:
            return f"，超过{self.beyond_cap}个工作日的部分计入答复期限"
        return "，尚未收到意见，暂按答复期限届满计" if self.unanswered else ""


@dataclass(frozen=True)
class AwaitingReceipt:
    pass


@dataclass(frozen=True)
class Received:
    on: date


@dataclass(frozen=True)
class UnderRegulation2007:
    pass


@dataclass(frozen=True)
class CorrectionRunning:
    notified_on: date
    period_workdays: int
    due: date


@dataclass(frozen=True)
class CorrectionSubmitted:
    on: date


@dataclass(frozen=True)
class CorrectionLapsed:
    on: date


@dataclass(frozen=True)
class ClosedMeanwhile:
    pass


@dataclass(frozen=True)
class Provisional:
    start: date
    end: date


@dataclass(frozen=True)
class CorrectionReceived:
    notified_on: date
    received_on: date


@dataclass(frozen=True)
class ReplyPeriod:
    article: str
    since: date | None  # when it runs from a day other than receipt
    workdays: int
    due: date


@dataclass(frozen=True)
class ConsultationUnanswered:
    consultation: Pause  # its begins is the day sent


@dataclass(frozen=True)
class FeeUnpaid:
    notified_on: date
    payment_due: date


@dataclass(frozen=True)
class Extended:
    workdays: int
    approved_on: str
    due: date


@dataclass(frozen=True)
class PausedBeforeCorrection:
    pause: Pause


@dataclass(frozen=True)
class PausedAfterDue:
    pause: Pause


@dataclass(frozen=True)
class Paused:
    pause: Pause
    workdays: int
    overlapping: bool
    due: date


@dataclass(frozen=True)
class SpecialDays:
    start: date
    end: date


@dataclass(frozen=True)
class DueOn:
    start: date
    due: date
    provisional: bool


@dataclass(frozen=True)
class Closed:
    on: date
    result: str
    late_workdays: int


Step = (
    AwaitingReceipt
    | Received
    | UnderRegulation2007
    | CorrectionRunning
    | CorrectionSubmitted
    | CorrectionLapsed
    | ClosedMeanwhile
    | Provisional
    | CorrectionReceived
    | ReplyPeriod
    | ConsultationUnanswered
    | FeeUnpaid
    | Extended
    | PausedBeforeCorrection
    | PausedAfterDue
    | Paused
    | SpecialDays
    | DueOn
    | Closed
)


def words(step: Step, calendar: WorkdayCalendar) -> str | None:  # noqa: C901 - one case per kind of step
    """One step in words; None for a step with nothing to say (no holiday in the period)."""
    match step:
        case AwaitingReceipt():
            return (
                "待确认收到申请（条例第三十一条：网络、传真、平信提交的申请，以双方确认之日为收到申请之日）"
            )
        case Received(on):
            return f"收到申请 {format_day(on)}"
        case UnderRegulation2007():
            return "2019年5月15日前收到的申请，适用2007年《政府信息公开条例》：15个工作日，延期最长15个工作日"
        case CorrectionRunning(notified_on, period, due):
            return (
                f"补正：{notified_on.isoformat()} 告知补正，补正期限{period}个工作日，"
                f"至 {format_day(due)}；收到补正之日起重新计算答复期限（条例第三十条）"
            )
        case CorrectionSubmitted(on):
            return f"{on.isoformat()} 申请人网上提交补正材料，待确认收到"
        case CorrectionLapsed(on):
            return f"{on.isoformat()} 逾期未补正，视为放弃申请，不再处理"
        case ClosedMeanwhile():
            return "申请已办结"
        case Provisional(start, end):
            return provisional_note(start, end, calendar)
        case CorrectionReceived(notified_on, received_on):
            return f"补正：{notified_on.isoformat()} 告知补正，{received_on.isoformat()} 收到补正，答复期限重新计算"
        case ReplyPeriod(article, since, workdays, due):
            runs_from = f"自 {since.isoformat()} 起" if since is not None else ""
            return f"{article}：{runs_from}{workdays}个工作日 → {format_day(due)}"
        case ConsultationUnanswered(pause):
            return f"{pause.label}：{pause.begins.isoformat()} 发出，尚未收到意见，收到后继续计算答复期限"
        case FeeUnpaid(notified_on, payment_due):
            return (
                f"收费：{notified_on.isoformat()} 发出收费通知，缴费期限至 {format_day(payment_due)}；"
                "缴费之前的时间不计入答复期限，缴费后继续计算"
            )
        case Extended(workdays, approved_on, due):
            return f"延期{workdays}个工作日（负责人批准 {approved_on}）→ {format_day(due)}"
        case PausedBeforeCorrection(pause):
            return f"{pause.label} {pause.span}：在补正之前，答复期限已自收到补正之日起重新计算"
        case PausedAfterDue(pause):
            return f"{pause.label} {pause.span}：答复期限此前已届满，不再扣除"
        case Paused(pause, workdays, overlapping, due):
            overlap = "（与前项重叠的日期不重复扣除）" if overlapping else ""
            return (
                f"{pause.label} {pause.span}，不计入答复期限（{workdays}个工作日）{overlap}{pause.open_note}"
                f" → {format_day(due)}"
            )
        case SpecialDays(start, end):
            return special_days(calendar, start, end)
        case DueOn(start, due, provisional):
            return (
                f"答复期限：{format_day(due)}{provisional_note(start, due, calendar) if provisional else ''}"
            )
        case Closed(on, result, late):
            timing = f"，超过答复期限{late}个工作日" if late else "，在答复期限内"
            return f"{on.isoformat()} 办结{('：' + result) if result else ''}{timing}"
    raise AssertionError(step)


def explain(steps: Iterable[Step], calendar: WorkdayCalendar) -> list[str]:
    """The steps in words, in the order they were taken."""
    return [text for step in steps if (text := words(step, calendar)) is not None]
