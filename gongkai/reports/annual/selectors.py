"""Reading a body's annual reports: its years with their state and deadline (workbench), the steps a
user may take now, the history of a report, and the published versions the portal shows.

A draft is never public: the portal reads only `AnnualReportVersion`s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Max, QuerySet
from django.http import Http404

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import can_act, is_head
from gongkai.reports.annual.cells import is_covered
from gongkai.reports.annual.content import ReportContent
from gongkai.reports.annual.deadlines import days_left, report_deadline, reported_here
from gongkai.reports.counts import FIRST_GENERATED_YEAR
from gongkai.reports.models import (
    AnnualReport,
    AnnualReportEvent,
    AnnualReportVersion,
    CoveredBody,
    PublishedReport,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    AnyUser = User | AnonymousUser

State = AnnualReport.State
# The files a published version holds (and a draft can be downloaded as), by their media types.
FILE_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def year_has_ended(year: int, today: date) -> bool:
    """A report is on a calendar year (统计期限自1月1日起至12月31日止): it can be submitted the day after."""
    return today > date(year, 12, 31)


@dataclass
class YearLine:
    """One year of a body's reports, as the workbench lists them."""

    year: int
    report: AnnualReport | None
    deadline: date
    days_left: int
    year_ended: bool
    covered_by: Agency | None = None
    versions: list[AnnualReportVersion] = field(default_factory=list)
    imported: PublishedReport | None = None  # the report it published elsewhere, imported for audit
    # Made in Gongkai (from `Agency.reports_from` on): its deadline is counted. An earlier year was
    # reported before the body used Gongkai: never overdue here.
    reported_here: bool = True

    @property
    def first_published_on(self) -> date | None:
        return self.versions[0].published_on if self.versions else None

    @property
    def published(self) -> bool:
        return bool(self.versions)

    @property
    def late(self) -> bool:
        """Published after the deadline, or not yet published when it has passed (条例第四十九条)."""
        if self.covered_by is not None or not self.year_ended:
            return False
        if self.first_published_on is None and self.imported is not None:
            return bool(self.imported.published_on and self.imported.published_on > self.deadline)
        if self.first_published_on is not None:
            return self.first_published_on > self.deadline
        return self.reported_here and self.days_left < 0

    @property
    def counts_down(self) -> bool:
        """Not yet published (here or elsewhere), not covered, the year ended, and its deadline counted:
        the days left, or how late it is."""
        return (
            self.reported_here
            and self.year_ended
            and not self.published
            and self.imported is None
            and self.covered_by is None
        )

    def _count(self, severity: str) -> int | None:
        if self.report is None or self.report.checked_at is None:
            return None
        return sum(1 for finding in self.report.findings if finding.get("severity") == severity)

    @property
    def errors(self) -> int | None:
        """Error-level findings of the report's last check (None when never checked)."""
        return self._count("error")

    @property
    def warnings(self) -> int | None:
        return self._count("warning")

    @property
    def state_label(self) -> str:
        if self.covered_by is not None:
            return f"由{self.covered_by.name}报告"
        if self.report is None:
            if self.imported is not None:
                return "已在其他平台发布（已导入）"
            return "未开始" if self.reported_here else "未在本系统编制"
        if self.report.state == State.DRAFT and self.versions:
            return "更正中（草稿）"
        if self.report.state == State.DRAFT and not self.year_ended:
            return "草稿（年度未结束）"
        return str(State(self.report.state).label)


def report_years(agency: Agency, today: date, *, last: int | None = None) -> list[YearLine]:
    """The body's report years, newest first, each with its report, versions and deadline: from this
    year down to the first it reports in Gongkai (`Agency.reports_from`), then the earlier years from
    2019 (the first generated format), which say they were not made here (never overdue) unless a report
    of them is here. `last` keeps only the most recent ones."""
    years = list(range(today.year, FIRST_GENERATED_YEAR - 1, -1))
    if last is not None:
        years = years[:last]
    reports = {r.year: r for r in AnnualReport.objects.filter(agency=agency, year__in=years)}
    versions: dict[int, list[AnnualReportVersion]] = {}
    for version in (
        AnnualReportVersion.objects.filter(report__agency=agency, report__year__in=years)
        .defer("content", "findings", "text", "docx", "pdf")
        .select_related("report")
        .order_by("number")
    ):
        versions.setdefault(version.report.year, []).append(version)
    covered = {
        entry.year: entry.covered_by
        for entry in CoveredBody.objects.filter(agency=agency, year__in=years).select_related("covered_by")
    }
    imported = {
        report.year: report
        for report in PublishedReport.objects.filter(agency=agency, year__in=years).only(
            "pk", "year", "published_on"
        )
    }
    return [
        YearLine(
            year=year,
            report=reports.get(year),
            deadline=report_deadline(agency, year),
            days_left=days_left(agency, year, today),
            year_ended=year_has_ended(year, today),
            covered_by=covered.get(year),
            versions=versions.get(year, []),
            imported=imported.get(year),
            reported_here=reported_here(agency, year),
        )
        for year in years
    ]


def year_line(agency: Agency, year: int, today: date) -> YearLine:
    report = AnnualReport.objects.filter(agency=agency, year=year).first()
    versions = list(report.versions.defer("docx", "pdf").order_by("number")) if report else []
    return YearLine(
        year=year,
        report=report,
        deadline=report_deadline(agency, year),
        days_left=days_left(agency, year, today),
        year_ended=year_has_ended(year, today),
        covered_by=is_covered(agency, year),
        versions=versions,
        imported=PublishedReport.objects.filter(agency=agency, year=year)
        .only("pk", "year", "published_on")
        .first(),
        reported_here=reported_here(agency, year),
    )


def allowed_steps(report: AnnualReport | None, user: AnyUser, agency: Agency, today: date) -> set[str]:
    """The steps the user may take on the report now (the services check again)."""
    if not can_act(user, agency):
        return set()
    if report is None:
        return {"open"}
    head = is_head(user, agency)
    steps: set[str] = set()
    if report.state == State.DRAFT:
        steps |= {"edit", "figures"}
        if year_has_ended(report.year, today):
            steps.add("submit")
    elif report.state == State.SUBMITTED:
        steps.add("return")
        if head:
            steps.add("approve")
    elif report.state == State.APPROVED:
        steps |= {"return", "publish"}
    elif report.state == State.PUBLISHED:
        steps.add("correct")
    return steps


def report_events(report: AnnualReport) -> QuerySet[AnnualReportEvent]:
    return report.events.select_related("actor").order_by("-at", "-pk")


# --- The portal: published versions only ---------------------------------------------------------------


def _latest_versions(versions: QuerySet[AnnualReportVersion]) -> list[AnnualReportVersion]:
    """The latest version of each report among `versions`, newest year first (without the files)."""
    latest = dict(versions.values("report").annotate(last=Max("number")).values_list("report", "last"))
    chosen = (
        versions.filter(report__in=list(latest))
        .defer("content", "findings", "text", "docx", "pdf")
        .select_related("report", "report__agency")
        .order_by("-report__year", "report__agency__path", "-number")
    )
    return [version for version in chosen if latest.get(version.report_id) == version.number]


def published_years(agency: Agency) -> list[AnnualReportVersion]:
    """The body's published reports, newest year first: the latest version of each year."""
    return _latest_versions(AnnualReportVersion.objects.filter(report__agency=agency))


def all_published() -> list[AnnualReportVersion]:
    """Every body's published reports, the latest version of each, newest year first."""
    return _latest_versions(AnnualReportVersion.objects.all())


def version_content(version: AnnualReportVersion) -> ReportContent:
    """A published version's content, rendered as published (its number, no draft mark)."""
    content = ReportContent.from_json(version.content)
    content.state, content.version = AnnualReport.State.PUBLISHED, version.number
    return content


def public_versions(agency: Agency, year: int) -> Sequence[AnnualReportVersion]:
    """Every published version of the body's report on `year`, oldest first; Http404 when none (a draft
    is never public, and an unknown year says no more than a draft does)."""
    versions = list(
        AnnualReportVersion.objects.filter(report__agency=agency, report__year=year)
        .defer("docx", "pdf")
        .select_related("report", "report__agency")
        .order_by("number")
    )
    if not versions:
        raise Http404("未找到该年度报告。")
    return versions


def public_version_file(agency: Agency, year: int, number: int, form: str) -> bytes:
    """A published version's DOCX or PDF; Http404 for anything not published."""
    version = (
        AnnualReportVersion.objects.filter(report__agency=agency, report__year=year, number=number)
        .only("number", "report", form)
        .first()
    )
    if version is None:
        raise Http404("未找到该年度报告。")
    return bytes(getattr(version, form))
