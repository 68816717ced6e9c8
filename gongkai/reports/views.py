"""Staff pages for auditing published annual reports: upload, the list and the batches, a report's page
with its review, the XLSX export, and a body's reports across the years.

Every page checks the user's role for the body it is about (`selectors`: a refusal is logged, then the
403 page); every change goes through `services`. The pages work without JavaScript: plain links and forms.

A batch (the reports stored by one upload) is the list of their ids in the URL (`?ids=…`): the reports
themselves are the record, so a batch needs no table of its own, and the same list page, filtered by
body and year instead, serves the spring's review of a whole region. An upload that is audited only is
never stored: its results are shown at once, and the page carries them, signed, for the XLSX download.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import has_some_role, require_role, role_check
from gongkai.core.form_errors import attach_error
from gongkai.core.uploads import MB, UploadLimits, limit_uploads, refused_uploads, request_too_large
from gongkai.reports import selectors, services
from gongkai.reports.audit.services import YEAR_ALREADY_STORED
from gongkai.reports.findings_xlsx import ReportLine, finding_values, findings_workbook, workbook_from_values
from gongkai.reports.forms import ReportFilterForm, ReviewForm, UploadForm
from gongkai.reports.history_chart import Series, line_chart
from gongkai.reports.models import AuditFinding, PublishedReport
from gongkai.reports.presentation import (
    FORMAT_LABELS,
    ReportPage,
    page_for_parsed,
    page_for_stored,
    rows_for_stored,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAYLOAD_SALT = "gongkai.reports.audit_only_findings"
PAYLOAD_MAX_AGE = 24 * 3600  # an audited-only upload's results can be downloaded for a day
PAGE_SIZE = 50
# A published report is a few hundred KB; a DOCX or PDF with pictures a few MB. Text and HTML are read line
# by line, so a smaller cap; a region's reports at once, or in a few uploads.
UPLOAD_LIMITS = UploadLimits(binary=20 * MB, text=5 * MB, total=100 * MB)
_upload_any = role_check(has_some_role, "您在任何机关都没有角色，不能上传和审核年度报告。")


def _actor(request: HttpRequest) -> User:
    """The signed-in user (every view here requires one)."""
    user = request.user
    assert isinstance(user, User)
    return user


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def _report_line(report: PublishedReport) -> ReportLine:
    return ReportLine(
        report.agency.name,
        report.year,
        report.source_name,
        FORMAT_LABELS.get(report.format, "未能识别"),
        getattr(report, "errors", 0),
        getattr(report, "warnings", 0),
        getattr(report, "infos", 0),
    )


# --- The list of stored reports, and a batch --------------------------------------------------------------


def _chosen_reports(request: HttpRequest, form: ReportFilterForm, *, action: str) -> tuple[Any, bool]:
    """The reports the filter chooses: one upload's (`ids`), else the readable ones of a body and year.
    The callers answer an invalid filter with a 400 first."""
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    ids = data.get("ids") or []
    if ids:
        return selectors.reports_by_ids(request.user, ids, action=action), True
    return selectors.readable_reports(request.user, agency=data.get("agency"), year=data.get("year")), False


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The stored reports the user may read, by year and body; with `ids`, the reports of one upload."""
    form = ReportFilterForm(request.GET or None, user=request.user)
    if form.is_bound and not form.is_valid():
        # A filter that names no body, year or report the user could mean: said, not guessed at.
        empty = Paginator(PublishedReport.objects.none(), PAGE_SIZE).get_page(1)
        context = {"form": form, "page": empty, "is_batch": False, "query": ""}
        return render(request, "reports/index.html", context, status=400)
    reports, is_batch = _chosen_reports(request, form, action="published_report_batch")
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reports/index.html",
        {"form": form, "page": page, "is_batch": is_batch, "query": query.urlencode()},
    )


@login_required
@require_GET
def export_list(request: HttpRequest) -> HttpResponse:
    """The findings of the listed reports (a batch, or a body's and year's) as XLSX."""
    form = ReportFilterForm(request.GET or None, user=request.user)
    if form.is_bound and not form.is_valid():
        errors = "；".join(str(error) for errors in form.errors.values() for error in errors)
        return HttpResponseBadRequest(
            f"筛选条件有误：{errors}".encode(), content_type="text/plain; charset=utf-8"
        )
    reports, _ = _chosen_reports(request, form, action="published_report_export")
    reports = list(reports)
    by_pk = {report.pk: report for report in reports}
    rows = []
    # The findings come ordered report by report: each report's rows are numbered as on its page.
    for pk, findings in groupby(selectors.findings_of(reports), key=lambda finding: finding.report_id):
        rows.extend(rows_for_stored(by_pk[pk], findings))
    stamp = timezone.localdate().isoformat()
    return _xlsx(
        findings_workbook(rows, [_report_line(report) for report in reports]),
        f"年度报告审核发现-{stamp}.xlsx",
    )


# --- Upload -------------------------------------------------------------------------------------------------


@csrf_exempt  # checked in `_upload`, after the role: the CSRF check reads the whole upload
@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    """Upload one or many reports: audited at once, then stored as the chosen body's reports (all or none),
    or only audited. The user's role is checked before a byte of the upload is read; each file is then
    capped by kind as it arrives (a file past its cap is named in the errors, never read)."""
    # Auditing is staff work: the staff of some body, a supervising office, an administrator.
    require_role(request.user, None, _upload_any, action="published_report_audit")
    limit_uploads(request, UPLOAD_LIMITS)
    if request.method == "POST" and (too_large := request_too_large(request)):
        context = {"form": UploadForm(user=request.user), "upload_error": too_large}
        return render(request, "reports/upload.html", context, status=413)
    return _upload(request)


@csrf_protect
def _upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(
        request.POST or None, request.FILES or None, user=request.user, refused=refused_uploads(request)
    )
    if request.method == "POST" and form.is_valid():
        files = [
            (uploaded.name or "未命名", uploaded.read()) for uploaded in form.cleaned_data["report_files"]
        ]
        agency: Agency | None = form.cleaned_data["agency"]
        if not form.store:
            audited = services.published_reports_audit(actor=_actor(request), files=files, agency=agency)
            return _audit_only_results(request, audited, agency)
        assert agency is not None  # the form requires it when storing
        try:
            audited = services.published_reports_upload(
                actor=_actor(request), agency=agency, files=files, replace=form.cleaned_data["replace"]
            )
        except ValidationError as error:
            attach_error(form, error)
            if any(item.code == YEAR_ALREADY_STORED for item in getattr(error, "error_list", ())):
                form.add_error("replace", "如需替换已存的报告，请勾选此项后重新上传。")
        else:
            stored = [item.stored for item in audited if item.stored is not None]
            messages.success(request, f"已审核并保存{agency.name}的 {len(stored)} 份年度报告。")
            for item in audited:
                if warning := item.name_warning(agency):
                    messages.warning(request, warning)
            ids = ",".join(str(report.pk) for report in stored)
            return redirect(f"{reverse('reports:index')}?ids={ids}")
    return render(request, "reports/upload.html", {"form": form}, status=400 if form.errors else 200)


def _audit_only_results(
    request: HttpRequest, audited: list[services.AuditedFile], agency: Agency | None
) -> HttpResponse:
    results = []
    findings: list[tuple[str, list[Any]]] = []
    lines: list[list[Any]] = []
    for index, item in enumerate(audited, start=1):
        page = None
        if item.report is not None:
            page = page_for_parsed(
                item.report, name=item.name, agency=agency.name if agency else "", prefix=f"r{index}-"
            )
            findings.extend((row.severity, finding_values(row)) for row in page.findings)
            counts = page.counts
            lines.append(
                [
                    page.agency_name or page.agency_name_printed,
                    page.year,
                    item.name,
                    page.format_label,
                    counts["error"],
                    counts["warning"],
                    counts["info"],
                ]
            )
        results.append({"index": index, "item": item, "page": page, "warning": item.name_warning(agency)})
    payload = signing.dumps(
        {"user": request.user.pk, "findings": findings, "reports": lines}, salt=PAYLOAD_SALT, compress=True
    )
    return render(
        request, "reports/audit_results.html", {"results": results, "agency": agency, "payload": payload}
    )


@login_required
@require_POST
def export_audit_only(request: HttpRequest) -> HttpResponse:
    """The findings of an upload that was audited only, from the results the page carried (signed, so that
    they are the audit's and this user's)."""
    try:
        data = signing.loads(request.POST.get("payload", ""), salt=PAYLOAD_SALT, max_age=PAYLOAD_MAX_AGE)
    except signing.SignatureExpired:
        return HttpResponseBadRequest("审核结果已过期（超过一天），请重新上传审核。".encode())
    except signing.BadSignature:
        return HttpResponseBadRequest("审核结果无效，请重新上传审核。".encode())
    if data.get("user") != request.user.pk:
        return HttpResponseBadRequest("审核结果无效，请重新上传审核。".encode())
    content = workbook_from_values(
        ((severity, values) for severity, values in data["findings"]),
        [ReportLine(*line) for line in data["reports"]],
    )
    return _xlsx(content, f"年度报告审核发现-仅审核-{timezone.localdate().isoformat()}.xlsx")


# --- One stored report --------------------------------------------------------------------------------------


def _report_page(
    request: HttpRequest,
    report: PublishedReport,
    bound: dict[int, ReviewForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    page: ReportPage = page_for_stored(report, selectors.report_findings(report))
    for row in page.findings:
        assert row.pk is not None
        if bound and row.pk in bound:
            row.form = bound[row.pk]
        else:
            initial = (
                {"status": row.status, "note": row.note} if row.status != AuditFinding.Status.OPEN else {}
            )
            row.form = ReviewForm(initial=initial, auto_id=f"f{row.pk}_%s")
    context = {"report": report, "agency": report.agency, "page": page}
    return render(request, "reports/report.html", context, status=status)


@login_required
@require_GET
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """A stored report: its facts, its tables with the cells that findings name, its findings with their
    review, and its text with the evidence lines marked."""
    return _report_page(request, selectors.report_for_reader(request.user, pk))


@login_required
@require_POST
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm or dismiss one finding with a note. The role is checked before the form is read."""
    finding = selectors.finding_for_reviewer(request.user, pk)
    form = ReviewForm(request.POST, auto_id=f"f{pk}_%s")
    if form.is_valid():
        try:
            services.audit_finding_review(actor=_actor(request), finding=finding, **form.cleaned_data)
        except ValidationError as error:
            attach_error(form, error)
        else:
            messages.success(
                request, f"{AuditFinding.Status(form.cleaned_data['status']).label}该项审核发现。"
            )
            return redirect(f"{reverse('reports:report', args=[finding.report_id])}#finding-{finding.pk}")
    report = selectors.report_for_reader(request.user, finding.report_id)
    return _report_page(request, report, bound={finding.pk: form}, status=400)


@login_required
@require_GET
def export_report(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for_reader(request.user, pk, action="published_report_export")
    findings = list(selectors.report_findings(report))
    page = page_for_stored(report, findings)
    counts = page.counts
    line = ReportLine(
        report.agency.name, report.year, report.source_name, page.format_label,
        counts["error"], counts["warning"], counts["info"],
    )  # fmt: skip
    content = findings_workbook(page.findings, [line])
    return _xlsx(content, f"审核发现-{report.agency.name}-{report.year}年度.xlsx")


# --- A body's reports across the years ----------------------------------------------------------------------

CHART_SERIES = (
    ("new_received", "本年新收申请", "#b3261e"),
    ("results_total", "办理结果总计", "#0b5cad"),
    ("carried_out", "结转下年度", "#9a6700"),
    ("reconsideration", "行政复议", "#1a7f37"),
    ("litigation", "行政诉讼", "#6e40c9"),
)


@login_required
@require_GET
def history(request: HttpRequest, code: str) -> HttpResponse:
    """The body's stored reports by year: key figures, a chart of them, and the findings open and confirmed."""
    agency = selectors.agency_for_reader(request.user, code, action="published_report_history")
    years = selectors.report_history(agency)
    numbers = [line.year for line in years]
    chart = share_chart = None
    if years:
        chart = line_chart(
            numbers,
            [
                Series(label, [_float(getattr(line.figures, name)) for line in years], color)
                for name, label, color in CHART_SERIES
            ],
            title=f"{agency.name}历年依申请公开及复议诉讼数量",
        )
        share_chart = line_chart(
            numbers,
            [Series("予以公开占比", [line.figures.disclosed_share for line in years], "#b3261e")],
            title=f"{agency.name}历年予以公开占比",
            percent=True,
        )
    context = {"agency": agency, "years": years, "chart": chart, "share_chart": share_chart}
    return render(request, "reports/history.html", context)


def _float(value: Any) -> float | None:
    return None if value is None else float(value)
