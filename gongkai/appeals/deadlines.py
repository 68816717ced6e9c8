"""The body's own deadlines in a case: the written reply in reconsideration, the defence in litigation.

Derived from the dates of the case, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from gongkai.workdays.calendar import add_workdays, is_workday, year_is_complete

if TYPE_CHECKING:
    from gongkai.appeals.models import AppealCase

# 《行政复议法》（2023年修订）第九十条: in force from 2024-01-01. Before that the 1999 law applies.
RECONSIDERATION_LAW_2023 = date(2024, 1, 1)


@dataclass(frozen=True)
class ResponseDeadline:
    due_date: date
    provisional: bool  # a day of the period lies in a year whose holiday calendar is not yet known
    basis: str  # the rule, cited, as shown to staff


def response_deadline(case: AppealCase) -> ResponseDeadline | None:
    """The day by which the body must answer; None until it has received the copy."""
    if case.copy_received_on is None:
        return None
    if case.is_reconsideration:
        return reconsideration_reply_deadline(case.copy_received_on, simplified=case.simplified_procedure)
    return litigation_defence_deadline(case.copy_received_on)


def response_is_overdue(case: AppealCase, today: date) -> bool:
    deadline = response_deadline(case)
    return deadline is not None and case.response_submitted_on is None and today > deadline.due_date


def reconsideration_reply_deadline(copy_received_on: date, *, simplified: bool = False) -> ResponseDeadline:
    """The respondent's written reply, counted from the day it received the copy of the application."""
    if copy_received_on >= RECONSIDERATION_LAW_2023:
        # 《行政复议法》第四十八条: 10 days; 第五十四条: 5 days in the simplified procedure;
        # 第八十八条第二款: these "日" are working days, statutory holidays excluded.
        days = 5 if simplified else 10
        article = "第五十四条" if simplified else "第四十八条"
        due = add_workdays(copy_received_on, days)
        return ResponseDeadline(
            due_date=due.date,
            provisional=due.provisional,
            basis=f"《行政复议法》{article}、第八十八条：自收到申请书副本之日起{days}个工作日内提出书面答复",
        )
    # 《行政复议法》（1999）第二十三条: 10 days; 第四十条 makes only "五日""七日" working days, so these
    # are calendar days counted under the Civil Procedure Law.
    return _calendar_day_period(
        copy_received_on,
        10,
        "《行政复议法》（1999年）第二十三条、第四十条：自收到申请书副本之日起10日内提出书面答复",
    )


def litigation_defence_deadline(copy_received_on: date) -> ResponseDeadline:
    # 《行政诉讼法》第六十七条: evidence and defence within 15 days of receiving the copy of the complaint;
    # 第一百零一条: periods follow the Civil Procedure Law.
    return _calendar_day_period(
        copy_received_on,
        15,
        "《行政诉讼法》第六十七条：自收到起诉状副本之日起15日内提交证据、依据并提出答辩状",
    )


def _calendar_day_period(start: date, days: int, basis: str) -> ResponseDeadline:
    # 《民事诉讼法》第八十五条: the first day is not counted; a period whose last day is a statutory
    # rest day ends on the first working day after it.
    due = start + timedelta(days=days)
    shifted = False
    while not is_workday(due):
        due += timedelta(days=1)
        shifted = True
    provisional = not year_is_complete(due.year)
    if shifted:
        basis += "（期满日为休息日，顺延至其后第一个工作日）"
    return ResponseDeadline(due_date=due, provisional=provisional, basis=basis)
