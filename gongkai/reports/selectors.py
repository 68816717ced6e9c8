"""Reading stored published reports: who may read which, a stored report as the rules engine reads it,
and a body's reports across the years.

Every lookup for a page checks the user's role for the report's body (its staff or head, a supervising
office above it, an administrator: `gongkai.agencies.permissions.can_read`); a refusal is written to the
audit log before `PermissionDenied` is raised.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import can_read, readable_agencies, require_role, role_check
from gongkai.reports import formats
from gongkai.reports.audit.model import Number, ParsedReport
from gongkai.reports.models import AuditFinding, PublishedReport

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    AnyUser = User | AnonymousUser

Status = AuditFinding.Status


_read_reports = role_check(can_read, "您无权查看{agency}的年度报告。")
_review_findings = role_check(can_read, "您无权核实{agency}年度报告的审核发现。")


def _require_read(user: AnyUser, agency: Agency, *, action: str, obj: Any) -> None:
    require_role(user, agency, _read_reports, action=action, obj=obj)


def agency_for_reader(user: AnyUser, code: str, *, action: str) -> Agency:
    agency = get_object_or_404(Agency, code=code)
    _require_read(user, agency, action=action, obj=agency)
    return agency


def report_for_reader(user: AnyUser, pk: int, *, action: str = "published_report_view") -> PublishedReport:
    report = get_object_or_404(PublishedReport.objects.select_related("agency", "imported_by"), pk=pk)
    _require_read(user, report.agency, action=action, obj=report)
    return report


def finding_for_reviewer(user: AnyUser, pk: int) -> AuditFinding:
    """The finding, for the body's staff or head, a supervising office above it, or an administrator."""
    finding = get_object_or_404(AuditFinding.objects.select_related("report__agency"), pk=pk)
    require_role(user, finding.report.agency, _review_findings, action="audit_finding_review", obj=finding)
    return finding


def report_findings(report: PublishedReport) -> QuerySet[AuditFinding]:
    return report.findings.select_related("reviewed_by").order_by("position", "pk")


def _counted(reports: QuerySet[PublishedReport]) -> QuerySet[PublishedReport]:
    """Without the file and its text (a list needs neither), with the findings counted: by severity those
    not dismissed, and by review status."""
    live = ~Q(findings__status=Status.DISMISSED)
    return (
        reports.select_related("agency")
        .defer("source_bytes", "text")
        .annotate(
            errors=Count("findings", filter=Q(findings__severity="error") & live),
            warnings=Count("findings", filter=Q(findings__severity="warning") & live),
            infos=Count("findings", filter=Q(findings__severity="info") & live),
            open_findings=Count("findings", filter=Q(findings__status=Status.OPEN)),
            confirmed_findings=Count("findings", filter=Q(findings__status=Status.CONFIRMED)),
            dismissed_findings=Count("findings", filter=Q(findings__status=Status.DISMISSED)),
        )
    )


def readable_reports(
    user: AnyUser, *, agency: Agency | None = None, year: int | None = None
) -> QuerySet[PublishedReport]:
    """The stored reports the user may read, of `agency` and the bodies below it, of `year`."""
    reports = PublishedReport.objects.filter(agency__in=readable_agencies(user))
    if agency is not None:
        reports = reports.filter(agency__path__startswith=agency.path)
    if year is not None:
        reports = reports.filter(year=year)
    return _counted(reports).order_by("-year", "agency__path")


def reports_by_ids(user: AnyUser, ids: Iterable[int], *, action: str) -> list[PublishedReport]:
    """The stored reports with these ids (one upload: a batch), every one of them readable by the user.
    Ids of reports replaced since are left out."""
    reports = list(
        _counted(PublishedReport.objects.filter(pk__in=list(ids))).order_by("agency__path", "-year")
    )
    for report in reports:
        _require_read(user, report.agency, action=action, obj=report)
    return reports


def findings_of(reports: Iterable[PublishedReport]) -> QuerySet[AuditFinding]:
    return (
        AuditFinding.objects.filter(report__in=[report.pk for report in reports])
        .select_related("report__agency", "reviewed_by")
        .defer("report__source_bytes", "report__text")
        .order_by("report__agency__path", "-report__year", "position", "pk")
    )


# --- A stored report as the rules engine reads it ------------------------------------------------------


def _number(value: Any) -> Number | None:
    if value is None or isinstance(value, int):
        return value
    return Decimal(str(value))  # JSON keeps decimal amounts as floats; the rules compare Decimals


def parsed_from_published(report: PublishedReport) -> ParsedReport:
    """The stored report rebuilt as the `ParsedReport` it was read as (without its findings), so that
    the rules across years can compare next year's report with it."""
    return ParsedReport(
        file=report.source_name,
        lines=report.text.split("\n"),
        format=report.format or None,
        agency_name=report.agency_name_printed or None,
        year=report.year,
        period=(report.period_start, report.period_end)
        if report.period_start and report.period_end
        else None,
        published_on=report.published_on,
        cells={key: _number(value) for key, value in report.cells.items()},
        cell_lines={key: int(line) for key, line in report.cell_lines.items()},
        extras=dict(report.extras),
        sections={key: (int(span[0]), int(span[1])) for key, span in report.sections.items()},
        tables_found=list(report.tables_found),
        source_form=report.source_form or None,
        title=report.title or None,
    )


def stored_reports_as_parsed(agency: Agency, years: Iterable[int]) -> dict[int, ParsedReport]:
    """The body's stored reports of these years, by year, as the rules engine reads them."""
    return {
        report.year: parsed_from_published(report)
        for report in PublishedReport.objects.filter(agency=agency, year__in=list(years))
    }


# --- A body's reports across the years -----------------------------------------------------------------


@dataclass
class KeyFigures:
    """The figures a supervising office compares across years, from the cells of any format."""

    new_received: Number | None
    results_total: Number | None
    carried_out: Number | None
    reconsideration: Number | None
    litigation: Number | None
    disclosed: Number | None

    @property
    def disclosed_share(self) -> float | None:
        """予以公开 as a share of all results (for the old table: 同意公开 of all replies)."""
        if self.disclosed is None or not self.results_total:
            return None
        return float(self.disclosed) / float(self.results_total)


def _sum(*values: Number | None) -> Number | None:
    if any(value is None for value in values):
        return None
    return sum(value for value in values if value is not None)


def key_figures(fmt: str | None, cells: dict[str, Any]) -> KeyFigures:
    value = {key: _number(figure) for key, figure in cells.items()}.get
    if fmt == formats.FORMAT_2008:
        # The old table counts replies (申请答复数), not results, and has no carried-over row.
        return KeyFigures(
            new_received=value("requests_received"),
            results_total=value("replies_total"),
            carried_out=None,
            reconsideration=value("reconsideration_total"),
            litigation=value("litigation_total"),
            disclosed=value("replies_granted"),
        )
    return KeyFigures(
        new_received=value("requests.new_received.total"),
        results_total=value("requests.results_total.total"),
        carried_out=value("requests.carried_out.total"),
        reconsideration=value("appeals.reconsideration.total"),
        litigation=_sum(
            value("appeals.litigation_direct.total"), value("appeals.litigation_after_reconsideration.total")
        ),
        disclosed=value("requests.disclosed.total"),
    )


@dataclass
class HistoryYear:
    report: PublishedReport  # with its finding counts (`_counted`)
    figures: KeyFigures

    @property
    def year(self) -> int:
        return self.report.year


def report_history(agency: Agency) -> list[HistoryYear]:
    """The body's stored published reports, oldest first, with their key figures and finding counts."""
    reports = _counted(PublishedReport.objects.filter(agency=agency)).order_by("year")
    return [HistoryYear(report, key_figures(report.format, report.cells)) for report in reports]
