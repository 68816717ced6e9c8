"""When a body's annual report on a year must be published.

条例第四十九条: 县级以上人民政府部门 publish the previous year's report by 31 January; 乡镇人民政府 report to
their county's supervising office as departments do (domain.md §1.4). The format notices (国办公开办函
〔2019〕60号、〔2021〕30号) set the cascade for the governments' aggregated reports: 县级 by 20 February,
地市级 by 10 March, 省级 by 31 March (条例第四十九条: the 本级政府 report by 31 March at the latest).
The dates are calendar dates, as the 条例 and the notices give them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gongkai.agencies.models import Agency

_GOVERNMENT_DEADLINES = {
    Agency.Level.COUNTY: (2, 20),
    Agency.Level.PREFECTURE: (3, 10),
    Agency.Level.PROVINCE: (3, 31),
}
REMINDER_DAYS = (10, 3)  # reminders this many days before the deadline


def report_deadline(agency: Agency, year: int) -> date:
    """The last day to publish the body's report on `year`."""
    if agency.kind == Agency.Kind.GOVERNMENT and agency.level in _GOVERNMENT_DEADLINES:
        month, day = _GOVERNMENT_DEADLINES[Agency.Level(agency.level)]
        return date(year + 1, month, day)
    return date(year + 1, 1, 31)  # departments, 乡镇/街道 and 乡镇人民政府


def reported_here(agency: Agency, year: int) -> bool:
    """Whether the body makes its report on `year` in Gongkai: from the year it began to
    (`Agency.reports_from`). An earlier year was reported before it used Gongkai: its deadline is not
    counted here (never overdue, never reminded of) unless a report of it is published here."""
    return year >= agency.reports_from


def days_left(agency: Agency, year: int, today: date) -> int:
    """Days from `today` to the deadline: 0 on the day itself, negative once it has passed."""
    return (report_deadline(agency, year) - today).days


@dataclass
class Countdown:
    """Where a body stands against the deadline of its report on `year`, for the workbench."""

    year: int
    deadline: date
    # "open", "due_soon" (within the reminders' days), "today", "overdue", "published", "covered", or
    # "not_here" (a year before the body made its reports in Gongkai: no deadline counted)
    state: str
    days: int = 0  # days left while open; days late once overdue, or when published late
    published_on: date | None = None
    published_elsewhere: bool = False  # imported: the body publishes its reports on another platform
    covered_by: str = ""  # the body whose report covers this one's
    reports_from: int = 0  # "not_here": the first year the body reports in Gongkai

    @property
    def published_late(self) -> bool:
        return self.state == "published" and self.days > 0


def report_countdown(agency: Agency, year: int, today: date) -> Countdown:
    """The countdown of the body's report on `year`: days left, overdue, or published (on time or late,
    by its first version: a correction later does not make it late)."""
    from gongkai.reports.models import AnnualReportVersion, CoveredBody, PublishedReport

    deadline = report_deadline(agency, year)
    covered = CoveredBody.objects.filter(agency=agency, year=year).select_related("covered_by").first()
    if covered is not None:
        return Countdown(year, deadline, "covered", covered_by=covered.covered_by.name)
    first = (
        AnnualReportVersion.objects.filter(report__agency=agency, report__year=year)
        .order_by("number")
        .values_list("published_on", flat=True)
        .first()
    )
    if first is not None:
        return Countdown(year, deadline, "published", max((first - deadline).days, 0), first)
    imported = PublishedReport.objects.filter(agency=agency, year=year).first()
    if imported is not None:
        on = imported.published_on  # as the report prints it, when it does
        late = max((on - deadline).days, 0) if on else 0
        return Countdown(year, deadline, "published", late, on, published_elsewhere=True)
    if not reported_here(agency, year):
        return Countdown(year, deadline, "not_here", reports_from=agency.reports_from)
    left = (deadline - today).days
    if left < 0:
        return Countdown(year, deadline, "overdue", -left)
    if left == 0:
        return Countdown(year, deadline, "today")
    return Countdown(year, deadline, "due_soon" if left <= max(REMINDER_DAYS) else "open", left)
