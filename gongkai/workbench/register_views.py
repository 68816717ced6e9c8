"""The register (台账) on the web: importing a CSV or XLSX file into a body, exporting its register as XLSX.

Both call `gongkai.applications.register` (the same functions as `gongkai applications import|export`),
which checks the role again and logs the import or export. Only the body's staff and head import; whoever
may read the body (a supervising office too) exports. An import is all or nothing: a file with bad rows
imports nothing, and the page lists every bad row with its line number and the reasons."""

from __future__ import annotations

import io
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.agencies.models import Agency
from gongkai.applications.models import ApplicantType, Channel
from gongkai.applications.register import (
    EXPORT_EXTRA_COLUMNS,
    FIRST_RECEIPT_DATE,
    HEADER,
    RegisterRejected,
    import_register,
)
from gongkai.applications.register_export import export_register
from gongkai.core.uploads import (
    MB,
    RefusedUpload,
    RefusedUploadForm,
    UploadLimits,
    limit_uploads,
    refused_uploads,
    request_too_large,
)
from gongkai.workbench.access import agency_for_actor, agency_for_reader

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD_MB = 20  # a register of a hundred thousand rows is a few MB
UPLOAD_LIMITS = UploadLimits(
    binary=MAX_UPLOAD_MB * MB, text=MAX_UPLOAD_MB * MB, total=(MAX_UPLOAD_MB + 1) * MB
)
# A file with many bad rows lists the first ones, and how many more there are (not a page of megabytes).
ROW_ERRORS_SHOWN = 200


class RegisterImportForm(RefusedUploadForm):
    file = forms.FileField(
        label="台账文件",
        help_text=f"CSV（UTF-8 编码）或 Excel（XLSX）文件，不超过 {MAX_UPLOAD_MB} MB；第一行为表头。",
        error_messages={"required": "请选择要导入的台账文件。", "empty": "上传的文件是空的。"},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )

    def refused_message(self, refused: RefusedUpload) -> str:
        return f"{refused}，请分成几个文件导入。"

    def clean_file(self) -> UploadedFile[bytes]:
        upload: UploadedFile[bytes] = self.cleaned_data["file"]
        if (upload.size or 0) > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(f"文件超过 {MAX_UPLOAD_MB} MB，请分成几个文件导入。")
        return upload


class RegisterExportForm(forms.Form):
    year = forms.IntegerField(
        label="收到年度",
        required=False,
        help_text="只导出这一年收到的申请；留空导出全部。",
        widget=forms.NumberInput(attrs={"class": "input-year"}),
    )

    def clean_year(self) -> int | None:
        year: int | None = self.cleaned_data.get("year")
        if year is None:
            return None
        # 条例（2007年）第三十八条: no application was received before 2008-05-01.
        latest = timezone.localdate().year
        if not FIRST_RECEIPT_DATE.year <= year <= latest:
            raise forms.ValidationError(f"年度应在 {FIRST_RECEIPT_DATE.year} 年至 {latest} 年之间。")
        return year


def _columns() -> dict[str, Any]:
    return {
        "header": HEADER,
        "extra_columns": EXPORT_EXTRA_COLUMNS,
        "applicant_types": ApplicantType.labels,
        "channels": Channel.labels,
    }


@csrf_exempt  # checked in `_register_import`, after the role: the CSRF check reads the whole upload
@login_required
@require_http_methods(["GET", "POST"])
def register_import(request: HttpRequest, code: str) -> HttpResponse:
    """Upload a register: every row imported, or none and every bad row listed. The role is checked
    before a byte of the upload is read, and the file is capped as it arrives."""
    agency = agency_for_actor(request, code, page="register_import")
    limit_uploads(request, UPLOAD_LIMITS)
    if request.method == "POST" and (too_large := request_too_large(request)):
        context = {"agency": agency, "form": RegisterImportForm(), "upload_error": too_large, **_columns()}
        return render(request, "workbench/register_import.html", context, status=413)
    return _register_import(request, agency)


@csrf_protect
def _register_import(request: HttpRequest, agency: Agency) -> HttpResponse:
    # Bound on every POST, even an empty one: a form posted without a file is an error, not a new form.
    form = (
        RegisterImportForm(request.POST, request.FILES, refused=refused_uploads(request))
        if request.method == "POST"
        else RegisterImportForm()
    )
    row_errors: list[Any] = []
    more_errors = 0
    if form.is_bound and form.is_valid():
        try:
            result = import_register(agency=agency, file=form.cleaned_data["file"], actor=request.user)
        except RegisterRejected as rejected:
            form.add_error(None, rejected.summary)
            row_errors = rejected.row_errors[:ROW_ERRORS_SHOWN]
            more_errors = len(rejected.row_errors) - len(row_errors)
        else:
            messages.success(
                request,
                f"已从 {result.file_name} 导入 {result.imported} 件申请"
                f"（已办结 {result.closed} 件，办理中 {result.open} 件）。",
            )
            return redirect("workbench:queue", code=agency.code)
    context = {
        "agency": agency,
        "form": form,
        "row_errors": row_errors,
        "more_errors": more_errors,
        **_columns(),
    }
    return render(request, "workbench/register_import.html", context, status=400 if form.errors else 200)


@login_required
@require_GET
def register_export(request: HttpRequest, code: str) -> HttpResponse:
    """The export page; with the form submitted (`?year=`, empty for every year), the XLSX download."""
    agency = agency_for_reader(request, code, page="register_export")
    submitted = "year" in request.GET
    form = RegisterExportForm(request.GET if submitted else None)
    if submitted and form.is_valid():
        year: int | None = form.cleaned_data["year"]
        content = io.BytesIO()
        export_register(agency=agency, target=content, actor=request.user, year=year)
        response = HttpResponse(content.getvalue(), content_type=XLSX)
        stamp = timezone.localdate().isoformat()
        name = f"{agency.name}台账-{f'{year}年度' if year else '全部'}-{stamp}.xlsx"
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
        return response
    context = {"agency": agency, "form": form, **_columns()}
    return render(request, "workbench/register_export.html", context, status=400 if form.errors else 200)
