"""The supervising office's pages for the annual reports of its region: the dashboard of a year (and its
XLSX export), and what a government's report sums (its members, the bodies covered by another body's
report), configured per year.

Only a supervising office of the body (its own 主管部门 role or one above it) and administrators may
open them: anyone else is refused, and the refusal written to the audit log (`coverage.require_supervisor`).
Changes go through `annual.coverage`'s services, which check the role again and log every change.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, urlencode
from django.views.decorators.http import require_GET, require_POST

from gongkai.agencies.models import Agency, Membership
from gongkai.agencies.permissions import is_admin
from gongkai.core.form_errors import attach_error
from gongkai.reports.annual import coverage
from gongkai.reports.annual.aggregation import aggregation_members, explicit_members
from gongkai.reports.annual.dashboard import STATUS_LABELS, Dashboard, region_dashboard
from gongkai.reports.annual.dashboard_xlsx import dashboard_workbook
from gongkai.reports.counts import FIRST_GENERATED_YEAR
from gongkai.reports.models import CoveredBody
from gongkai.reports.supervision_forms import CoveringForm, DashboardFilterForm, MembersForm, year_choices

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _actor(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # login_required
    return user


def _supervised(request: HttpRequest, code: str, *, action: str) -> Agency:
    agency = get_object_or_404(Agency, code=code)
    coverage.require_supervisor(request.user, agency, action=action, path=request.path)
    return agency


# --- The dashboard ------------------------------------------------------------------------------------------


@login_required
@require_GET
def dashboard_home(request: HttpRequest) -> HttpResponse:
    """The regions the user supervises: straight to the dashboard when there is one."""
    user = _actor(request)
    roots = list(
        Agency.objects.filter(memberships__user=user, memberships__role=Membership.Role.SUPERVISOR)
        .distinct()
        .order_by("path")
    )
    if not roots and is_admin(user):
        roots = list(Agency.objects.filter(parent=None).order_by("path"))
    if len(roots) == 1:
        return redirect("reports:annual_dashboard", code=roots[0].code)
    return render(request, "reports/supervision/home.html", {"roots": roots})


def _dashboard(request: HttpRequest, code: str, *, action: str) -> tuple[Dashboard, dict[str, str]]:
    root = _supervised(request, code, action=action)
    today = timezone.localdate()
    form = DashboardFilterForm(request.GET or None, today=today)
    filters = form.filters()
    return region_dashboard(root, filters["year"], today), filters


@login_required
@require_GET
def dashboard(request: HttpRequest, code: str) -> HttpResponse:
    """Every body of the region with its report on the year: status against the deadline, the rules'
    results, its key figures beside last year's; filtered by status and kind."""
    board, filters = _dashboard(request, code, action="annual_dashboard")
    lines = board.filtered(status=filters["status"], kind=filters["kind"])
    query = urlencode({key: value for key, value in filters.items() if value})
    counts = board.counts()
    return render(
        request,
        "reports/supervision/dashboard.html",
        {
            "agency": board.root,
            "board": board,
            "lines": lines,
            "filters": filters,
            "form": DashboardFilterForm(filters, today=board.today),
            "statuses": [(status, label, counts[status]) for status, label in STATUS_LABELS.items()],
            "query": query,
            "year_query": urlencode({"kind": filters["kind"]}) if filters["kind"] else "",
        },
    )


@login_required
@require_GET
def dashboard_export(request: HttpRequest, code: str) -> HttpResponse:
    """The dashboard's list, as filtered, as XLSX."""
    board, filters = _dashboard(request, code, action="annual_dashboard_export")
    lines = board.filtered(status=filters["status"], kind=filters["kind"])
    response = HttpResponse(dashboard_workbook(board.year, lines), content_type=XLSX)
    filename = f"{board.root.name}{board.year}年度报告督查-{board.today.isoformat()}.xlsx"
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


# --- What a government's report sums ---------------------------------------------------------------------------


def _government(request: HttpRequest, code: str, year: int, *, action: str) -> Agency:
    government = _supervised(request, code, action=action)
    if government.kind != Agency.Kind.GOVERNMENT:
        raise Http404("只有人民政府的年度报告汇总其他机关。")
    if not FIRST_GENERATED_YEAR <= year <= timezone.localdate().year:
        raise Http404("年度超出范围。")
    return government


def _coverage_url(government: Agency, year: int) -> str:
    return reverse("reports:annual_coverage", args=[government.code, year])


@login_required
@require_GET
def coverage_page(request: HttpRequest, code: str, year: int) -> HttpResponse:
    government = _government(request, code, year, action="annual_coverage")
    return _coverage_response(request, government, year)


def _coverage_response(
    request: HttpRequest,
    government: Agency,
    year: int,
    *,
    members_form: MembersForm | None = None,
    covering_form: CoveringForm | None = None,
) -> HttpResponse:
    today = timezone.localdate()
    members = aggregation_members(government, year)
    configured = bool(explicit_members(government, year))
    coverings = list(
        CoveredBody.objects.filter(year=year, agency__path__startswith=government.path)
        .select_related("agency", "covered_by")
        .order_by("agency__path")
    )
    covered = {entry.agency_id for entry in coverings}
    board = region_dashboard(government, year, today)
    by_id = {line.agency.pk: line for line in board.lines}
    member_ids = {member.pk for member in members}
    government_line = by_id[government.pk]
    if members_form is None:
        members_form = MembersForm(region=government, year=year, initial={"members": [m.pk for m in members]})
    if covering_form is None:
        covering_form = CoveringForm(region=government)
    return render(
        request,
        "reports/supervision/coverage.html",
        {
            "agency": government,
            "year": year,
            "years": year_choices(today),
            "configured": configured,
            "member_lines": [by_id.get(m.pk) for m in members],
            "government_line": government_line,
            "left_out": [
                line.agency
                for line in board.lines
                if line.agency.pk not in member_ids and line.agency.pk not in covered
            ],
            "coverings": coverings,
            "members_form": members_form,
            "covering_form": covering_form,
            "last_year_configured": bool(explicit_members(government, year - 1)),
        },
        status=400 if (members_form.errors or covering_form.errors) else 200,
    )


@login_required
@require_POST
def coverage_members(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """Save the chosen member set (none chosen, or 恢复默认: the default set)."""
    government = _government(request, code, year, action="aggregation_members_set")
    form = MembersForm(request.POST, region=government, year=year)
    if form.is_valid():
        chosen = [] if "default" in request.POST else list(form.cleaned_data["members"])
        try:
            coverage.aggregation_members_set(
                actor=_actor(request), government=government, year=year, members=chosen
            )
        except ValidationError as error:
            attach_error(form, error)
        else:
            messages.success(
                request, f"已保存{year}年度汇总范围。" if chosen else f"{year}年度已恢复默认汇总范围。"
            )
            return redirect(_coverage_url(government, year))
    return _coverage_response(request, government, year, members_form=form)


@login_required
@require_POST
def coverage_copy(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """This year's set as last year's (members and coverings)."""
    government = _government(request, code, year, action="aggregation_members_copy")
    try:
        copied = coverage.aggregation_members_copy(actor=_actor(request), government=government, year=year)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        what = f"{copied}个纳入汇总的机关" if copied else "默认汇总范围"
        messages.success(request, f"已按{year - 1}年度设置：{what}及由其他机关报告的标记。")
    return redirect(_coverage_url(government, year))


@login_required
@require_POST
def coverage_covered(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """Mark a body of the region as covered by another body's report on the year."""
    government = _government(request, code, year, action="covered_body_set")
    form = CoveringForm(request.POST, region=government)
    if form.is_valid():
        agency, covered_by = form.cleaned_data["agency"], form.cleaned_data["covered_by"]
        try:
            coverage.covered_body_set(actor=_actor(request), agency=agency, year=year, covered_by=covered_by)
        except ValidationError as error:
            attach_error(form, error)
        else:
            messages.success(request, f"{agency.name}{year}年度由{covered_by.name}报告。")
            return redirect(_coverage_url(government, year))
    return _coverage_response(request, government, year, covering_form=form)


@login_required
@require_POST
def coverage_uncover(request: HttpRequest, code: str, year: int, agency_code: str) -> HttpResponse:
    """The body reports for itself again on the year."""
    government = _government(request, code, year, action="covered_body_set")
    agency = get_object_or_404(Agency, code=agency_code, path__startswith=government.path)
    try:
        coverage.covered_body_set(actor=_actor(request), agency=agency, year=year, covered_by=None)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"{agency.name}{year}年度改为自行报告。")
    return redirect(_coverage_url(government, year))
