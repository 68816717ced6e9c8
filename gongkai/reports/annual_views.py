"""The workbench pages of a body's own annual report: its years, the report page (tables with the cells
the findings name highlighted, the prose, the findings, versions and history), editing the prose with
its warnings shown as it is typed, and each step from draft to publication.

Every page checks the user's role for the body: whoever may read it (its staff and head, a supervising
office above it, an administrator) sees the pages; anyone else gets the 404 page — the same as for a
body or year that does not exist, so that a forged address names no other body — and the refusal is
written to the audit log. Changes go through `annual.services`, which checks the role again (staff or
head; the head alone approves). The pages work without JavaScript; with it, the edit page's warnings
follow the text (htmx).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import can_act, is_head, require_act, require_read, require_role
from gongkai.core.form_errors import attach_error
from gongkai.reports.annual import selectors, services
from gongkai.reports.annual.content import build_content
from gongkai.reports.annual.review import CheckedReport, check_report
from gongkai.reports.annual_forms import STEP_FORMS, ProseForm
from gongkai.reports.annual_pages import ReportView, checked_view, draft_view, version_view
from gongkai.reports.counts import FIRST_GENERATED_YEAR
from gongkai.reports.models import AnnualReport
from gongkai.reports.presentation import FindingRow
from gongkai.workbench.access import checked

NOT_FOUND = "未找到该年度报告。"
STEP_TITLES = {
    "submit": "提交审核",
    "return": "退回修改",
    "approve": "批准",
    "publish": "发布",
    "correct": "发起更正",
}


def body(request: HttpRequest, code: str, *, page: str) -> Agency:
    """The body `code` for a user who may read it; otherwise the 404 page (the refusal logged)."""
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        raise Http404(NOT_FOUND)
    try:
        require_role(
            request.user, agency, require_read, action=f"annual_report_{page}", obj=agency,
            message="无权查看该机关的年度报告", detail={"path": request.path},
        )  # fmt: skip
    except PermissionDenied:
        # "No such body" and "not yours" answer alike: the page does not say which bodies exist.
        raise Http404(NOT_FOUND) from None
    return agency


def acting_body(request: HttpRequest, code: str, *, page: str) -> Agency:
    """The body for its staff or head; a reader who may not act gets the 403 page (logged)."""
    agency = body(request, code, page=page)
    checked(request, checks=[require_act], agency=agency, obj=agency, action=f"annual_report_{page}")
    return agency


def report_year(year: int) -> int:
    """A year the workbench has a report page for: from 2019 (the first generated format) to this year."""
    if not FIRST_GENERATED_YEAR <= year <= timezone.localdate().year:
        raise Http404(NOT_FOUND)
    return year


def existing_report(agency: Agency, year: int) -> AnnualReport:
    report = AnnualReport.objects.filter(agency=agency, year=year).select_related("agency").first()
    if report is None:
        raise Http404(NOT_FOUND)
    return report


def report_url(agency: Agency, year: int, anchor: str = "") -> str:
    return reverse("annual:report", args=[agency.code, year]) + (f"#{anchor}" if anchor else "")


# --- The body's years ---------------------------------------------------------------------------------------


@login_required
@require_GET
def years(request: HttpRequest, code: str) -> HttpResponse:
    agency = body(request, code, page="years")
    today = timezone.localdate()
    lines = selectors.report_years(agency, today)
    # Years before the body made its reports here (条例第四十九条's deadline not counted for them).
    earlier_years = any(not line.reported_here for line in lines)
    context = {"agency": agency, "lines": lines, "today": today, "earlier_years": earlier_years}
    return render(request, "reports/annual/years.html", context)


# --- The report page ----------------------------------------------------------------------------------------


def _report_page(
    request: HttpRequest,
    agency: Agency,
    year: int,
    *,
    bound: tuple[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    today = timezone.localdate()
    line = selectors.year_line(agency, year, today)
    report = line.report
    view: ReportView | None = None
    if line.covered_by is None:
        if report is not None and report.state == AnnualReport.State.PUBLISHED and line.versions:
            view = version_view(report.versions.select_related("report__agency").order_by("-number")[0])
        else:
            view = draft_view(agency, year, report, today)
    steps = selectors.allowed_steps(report, request.user, agency, today) if line.covered_by is None else set()
    step_forms = []
    for step in ("submit", "approve", "publish", "return", "correct"):
        if step in steps:
            form = bound[1] if bound and bound[0] == step else STEP_FORMS[step](prefix=step)
            step_forms.append((step, STEP_TITLES[step], form))
    context: dict[str, Any] = {
        "agency": agency,
        "year": year,
        "line": line,
        "report": report,
        "view": view,
        "content": view.content if view else None,
        "page": view.page if view else None,
        "steps": steps,
        "step_forms": step_forms,
        "refused": bound[1] if bound and bound[0] not in steps else None,
        "events": selectors.report_events(report) if report else [],
        "approval": services.approval(report) if report else None,
        "can_act": can_act(request.user, agency),
        "is_head": is_head(request.user, agency),
        "today": today,
    }
    return render(request, "reports/annual/report.html", context, status=status)


@login_required
@require_GET
def report(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """The report on `year` as it stands (a published one as its latest version), with its findings."""
    agency = body(request, code, page="view")
    return _report_page(request, agency, report_year(year))


@login_required
@require_POST
def open_report(request: HttpRequest, code: str, year: int) -> HttpResponse:
    agency = acting_body(request, code, page="open")
    try:
        services.annual_report_open(actor=request.user, agency=agency, year=report_year(year))
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, f"已开始编制{year}年度报告：总体情况已按年度数据起草，请核对后修改。")
    return redirect(report_url(agency, year))


@login_required
@require_POST
def step(request: HttpRequest, code: str, year: int, step: str) -> HttpResponse:
    """One step of the workflow through its service; a refusal of state or a form error is shown on the
    report page, a refusal of role is the 403 page (logged by the service)."""
    if step not in STEP_FORMS:
        raise Http404(NOT_FOUND)
    agency = acting_body(request, code, page=step)
    report = existing_report(agency, report_year(year))
    form = STEP_FORMS[step](request.POST, prefix=step)
    if form.is_valid():
        try:
            _run_step(request, step, report, form.cleaned_data)
        except ValidationError as error:
            attach_error(form, error)
        else:
            return redirect(report_url(agency, year))
    return _report_page(request, agency, year, bound=(step, form), status=400)


def _run_step(request: HttpRequest, step: str, report: AnnualReport, data: dict[str, Any]) -> None:
    actor = request.user
    if step == "submit":
        services.annual_report_submit(actor=actor, report=report, **data)
        messages.success(request, f"{report.year}年度报告已提交审核，待负责人批准。")
    elif step == "return":
        services.annual_report_return(actor=actor, report=report, **data)
        messages.success(request, f"{report.year}年度报告已退回修改。")
    elif step == "approve":
        services.annual_report_approve(actor=actor, report=report, **data)
        messages.success(request, f"已批准{report.year}年度报告，可以发布。")
    elif step == "publish":
        version = services.annual_report_publish(actor=actor, report=report)
        messages.success(request, f"{report.year}年度报告第{version.number}版已在门户网站发布。")
    elif step == "correct":
        services.annual_report_start_correction(actor=actor, report=report, **data)
        messages.success(request, "已发起更正：修改后须重新提交审核、批准，发布为新版本；原版本保留。")


@login_required
@require_GET
def draft_file(request: HttpRequest, code: str, year: int, form: str) -> HttpResponse:
    """The report as it stands, as a DOCX or PDF marked 草稿, to read or circulate before publication
    (a published report's files are its versions', on the portal)."""
    if form not in selectors.FILE_TYPES:
        raise Http404(NOT_FOUND)
    agency = body(request, code, page="draft_file")
    report = existing_report(agency, report_year(year))
    if report.state == AnnualReport.State.PUBLISHED:
        version = report.versions.order_by("-number").values_list("number", flat=True).first()
        return redirect("portal:annual_report_file", agency.code, year, version, form)
    content = build_content(agency, year, report)
    # The renderers (WeasyPrint above all) are loaded when a file is asked for, not with every page.
    if form == "docx":
        from gongkai.reports.annual.render_docx import report_docx

        data = report_docx(content)
    else:
        from gongkai.reports.annual.render_pdf import report_pdf

        data = report_pdf(content)
    response = HttpResponse(data, content_type=selectors.FILE_TYPES[form])
    name = f"{agency.name}{year}年政府信息公开工作年度报告（草稿）.{form}"
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name) or ""
    return response


# --- Editing the prose --------------------------------------------------------------------------------------


def _report_for_editing(request: HttpRequest, code: str, year: int) -> tuple[Agency, AnnualReport, bool]:
    """The report and whether it may be edited now: a draft only. Any other is refused by the service,
    which logs the attempt and says why (frozen once published) on the next page."""
    agency = acting_body(request, code, page="edit")
    report = existing_report(agency, report_year(year))
    if report.state == AnnualReport.State.DRAFT:
        return agency, report, True
    try:
        services.annual_report_edit(actor=request.user, report=report)
    except services.ReportRefused as refused:
        messages.error(request, "；".join(refused.messages))
    return agency, report, False


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """一、五 (and a government's 工作考核、社会评议和责任追究结果情况) and 六, with the warnings on them."""
    agency, report, editable = _report_for_editing(request, code, year)
    if not editable:
        return redirect(report_url(agency, year))
    government = agency.kind == Agency.Kind.GOVERNMENT
    initial = {
        field: getattr(report, field) for field in ("overview", "problems", "assessment", "other_matters")
    }
    form = ProseForm(
        request.POST if request.method == "POST" else None, initial=initial, government=government
    )
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.annual_report_edit(actor=request.user, report=report, **form.cleaned_data)
        except ValidationError as error:
            attach_error(form, error)
        else:
            messages.success(request, "已保存。" if changed else "内容没有变化。")
            return redirect(report_url(agency, year, "prose"))
    prose = form.cleaned_data if form.is_bound and form.is_valid() else initial
    checked = check_report(report, **{k: v for k, v in prose.items() if k in form.fields})
    context = {
        "agency": agency,
        "year": year,
        "report": report,
        "form": form,
        "checked": checked,
        "findings": _prose_rows(agency, checked),
        "overview_chars": characters(str(prose.get("overview", ""))),
        "fee_sentence": checked.content.fee_sentence,
        "government": government,
    }
    return render(request, "reports/annual/edit.html", context, status=400 if form.errors else 200)


def characters(text: str) -> int:
    """How long a section reads: its characters without spaces and line breaks."""
    return len("".join(text.split()))


def _prose_rows(agency: Agency, checked: CheckedReport) -> list[FindingRow]:
    return checked_view(checked, agency).prose_findings


@login_required
@require_POST
def edit_check(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """The warnings on the prose as typed, not saved (the edit page asks for them as staff type)."""
    agency, report, editable = _report_for_editing(request, code, year)
    if not editable:
        raise Http404(NOT_FOUND)
    government = agency.kind == Agency.Kind.GOVERNMENT
    form = ProseForm(request.POST, government=government)
    rows: list[FindingRow] = []
    if form.is_valid():
        checked = check_report(report, **form.cleaned_data)
        rows = _prose_rows(agency, checked)
    context = {
        "findings": rows,
        "form": form,
        "government": government,
        "overview_chars": characters(form.data.get("overview", "")),
    }
    return render(request, "reports/annual/_prose_findings.html", context)


@login_required
@require_POST
def redraft(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """一、总体情况 drafted again from the figures as they are now."""
    agency = acting_body(request, code, page="redraft")
    report = existing_report(agency, report_year(year))
    try:
        services.annual_report_redraft_overview(actor=request.user, report=report)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect(report_url(agency, year))
    messages.success(request, "已按年度数据重新起草总体情况（原文字已记入修改记录）。")
    return redirect(reverse("annual:edit", args=[agency.code, year]))
