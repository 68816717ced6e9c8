"""The yearly figures of table 二 on the workbench: a form of every figure of the year's format (the
template's labels and units, a Chinese error per bad field, all saved or none), the CSV upload (every row
or none, every bad row listed) and download — the same file as `gongkai report figures import|export`.
Figures computed from the body's records are shown read-only."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.agencies.models import Agency
from gongkai.core.form_errors import attach_error
from gongkai.core.uploads import UploadLimits, limit_uploads, refused_uploads, request_too_large
from gongkai.reports import formats
from gongkai.reports.annual import services
from gongkai.reports.annual.figures import computed_figures, entered_figures, report_figures
from gongkai.reports.annual.figures_csv import (
    MAX_BYTES,
    FiguresRejected,
    RowError,
    figures_csv,
    read_figures_csv,
)
from gongkai.reports.annual_forms import FiguresForm, FiguresUploadForm, field_name
from gongkai.reports.annual_views import acting_body, body, report_url, report_year
from gongkai.reports.models import AnnualReport

# One small CSV file; the request's form fields and multipart framing fit in the total's margin.
UPLOAD_LIMITS = UploadLimits(binary=MAX_BYTES, text=MAX_BYTES, total=MAX_BYTES + 64 * 1024)


def _figures_page(
    request: HttpRequest,
    agency: Agency,
    year: int,
    *,
    form: FiguresForm | None = None,
    upload: FiguresUploadForm | None = None,
    row_errors: list[RowError] | None = None,
    status: int | None = None,
) -> HttpResponse:
    fmt = formats.format_for_year(year)
    report = AnnualReport.objects.filter(agency=agency, year=year).first()
    computed = computed_figures(agency, year)
    form = form or FiguresForm(fmt=fmt, figures=entered_figures(agency, year), computed=computed)
    context: dict[str, Any] = {
        "agency": agency,
        "year": year,
        "fmt": fmt,
        "report": report,
        "form": form,
        "upload": upload or FiguresUploadForm(),
        "row_errors": row_errors or [],
        "computed": computed,
        "editable": report is None or report.state == AnnualReport.State.DRAFT,
    }
    failed = form.errors or (upload is not None and upload.errors)
    return render(request, "reports/annual/figures.html", context, status=status or (400 if failed else 200))


@login_required
@require_http_methods(["GET", "POST"])
def figures(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """Every figure of table 二 in one form: saved all together, or none with an error on each bad field."""
    agency = acting_body(request, code, page="figures")
    year = report_year(year)
    if request.method != "POST":
        return _figures_page(request, agency, year)
    fmt = formats.format_for_year(year)
    computed = computed_figures(agency, year)
    form = FiguresForm(request.POST, fmt=fmt, figures=entered_figures(agency, year), computed=computed)
    if form.is_valid():
        try:
            saved = services.yearly_figures_save(
                actor=request.user, agency=agency, year=year, values=form.values()
            )
        except ValidationError as error:
            _attach_figure_errors(form, error)
        else:
            messages.success(request, f"已保存年度数据（{len(saved.changed)}项有变化）。")
            return redirect(report_url(agency, year, "tables"))
    return _figures_page(request, agency, year, form=form)


def _attach_figure_errors(form: FiguresForm, error: ValidationError) -> None:
    """A service's errors by canonical key onto the form's fields."""
    if hasattr(error, "error_dict"):
        for key, messages_ in error.message_dict.items():
            name = field_name(key)
            form.add_error(name if name in form.fields else None, messages_)
    else:
        attach_error(form, error)


@csrf_exempt  # checked in `_figures_import`, after the role: the CSRF check reads the whole upload
@login_required
@require_POST
def figures_import(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """The figures from an uploaded CSV file: every row, or none and every bad row listed. The role is
    checked before a byte of the upload is read, and the file is capped as it arrives."""
    agency = acting_body(request, code, page="figures_import")
    year = report_year(year)
    limit_uploads(request, UPLOAD_LIMITS)
    if request_too_large(request):
        upload = FiguresUploadForm(too_large=True, data={})
        upload.is_valid()
        return _figures_page(request, agency, year, upload=upload, status=413)
    return _figures_import(request, agency, year)


@csrf_protect
def _figures_import(request: HttpRequest, agency: Agency, year: int) -> HttpResponse:
    upload = FiguresUploadForm(request.POST, request.FILES, too_large=bool(refused_uploads(request)))
    row_errors: list[RowError] = []
    if upload.is_valid():
        fmt = formats.format_for_year(year)
        file = upload.cleaned_data["file"]
        try:
            values = read_figures_csv(file.read(), fmt=fmt, computed=computed_figures(agency, year))
            saved = services.yearly_figures_save(
                actor=request.user, agency=agency, year=year, values=values, source=f"导入 {file.name}"
            )
        except FiguresRejected as rejected:
            upload.add_error("file", rejected.summary)
            row_errors = rejected.row_errors
        except ValidationError as error:
            attach_error(upload, error)
        else:
            messages.success(
                request,
                f"已从 {file.name} 导入年度数据：{len(values)} 项，其中 {len(saved.changed)} 项有变化。",
            )
            return redirect(report_url(agency, year, "tables"))
    return _figures_page(request, agency, year, upload=upload, row_errors=row_errors)


@login_required
@require_GET
def figures_export(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """The figures as the CSV file the import reads (with the byte-order mark Excel needs)."""
    agency = body(request, code, page="figures_export")
    year = report_year(year)
    content = figures_csv(formats.format_for_year(year), report_figures(agency, year), bom=True)
    response = HttpResponse(content.encode("utf-8"), content_type="text/csv; charset=utf-8")
    name = f"{agency.name}{year}年度数据-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
    return response
