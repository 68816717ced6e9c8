"""The public pages of the annual reports (政府信息公开工作年度报告, 条例第四十九条、第五十条): each body's
年度报告栏目 (its published reports by year, newest first, as government sites list them), a report's
page in the official layout with its DOCX and PDF, and, for a corrected report, the change note and its
earlier versions, each still readable and downloadable.

Only published versions are ever shown: a draft, a report being corrected, an unknown year or version
is the 404 page, whatever the address. The reports hold aggregate figures only, never an applicant's
personal data. The pages work without JavaScript.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from gongkai.agencies.models import Agency
from gongkai.reports.annual import selectors
from gongkai.reports.annual.render_html import document_context
from gongkai.reports.models import AnnualReportVersion


@require_GET
def annual_report_index(request: HttpRequest) -> HttpResponse:
    """Every body with its published reports' years, newest first."""
    latest: dict[int, list[AnnualReportVersion]] = {}
    for version in selectors.all_published():
        latest.setdefault(version.report.agency_id, []).append(version)
    agencies = [(agency, latest.get(agency.pk, [])) for agency in Agency.objects.order_by("path")]
    return render(request, "portal/annual/index.html", {"agencies": agencies})


@require_GET
def annual_reports(request: HttpRequest, code: str) -> HttpResponse:
    """The body's 年度报告栏目: its published reports by year, newest first."""
    agency = get_object_or_404(Agency, code=code)
    versions = selectors.published_years(agency)
    return render(request, "portal/annual/reports.html", {"agency": agency, "versions": versions})


def _report_page(request: HttpRequest, code: str, year: int, number: int | None) -> HttpResponse:
    agency = get_object_or_404(Agency, code=code)
    versions = selectors.public_versions(agency, year)
    latest = versions[-1]
    shown = latest if number is None else next((v for v in versions if v.number == number), None)
    if shown is None:
        raise Http404("未找到该年度报告。")
    content = selectors.version_content(shown)
    context: dict[str, Any] = {
        "agency": agency,
        "year": year,
        "version": shown,
        "latest": latest,
        "versions": versions,
        "content": content,
        "is_latest": shown.number == latest.number,
        **document_context(content),
    }
    return render(request, "portal/annual/report.html", context)


@require_GET
def annual_report(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """The report as last published (a corrected report shows its correction)."""
    return _report_page(request, code, year, None)


@require_GET
def annual_report_version(request: HttpRequest, code: str, year: int, number: int) -> HttpResponse:
    """One published version, the earlier ones of a corrected report included."""
    return _report_page(request, code, year, number)


@require_GET
def annual_report_file(request: HttpRequest, code: str, year: int, number: int, form: str) -> HttpResponse:
    """A published version's DOCX or PDF, as it was frozen when published."""
    if form not in selectors.FILE_TYPES:
        raise Http404("未找到该文件。")
    agency = get_object_or_404(Agency, code=code)
    data = selectors.public_version_file(agency, year, number, form)
    suffix = f"（第{number}版）" if number > 1 else ""
    name = f"{agency.name}{year}年政府信息公开工作年度报告{suffix}.{form}"
    response = HttpResponse(data, content_type=selectors.FILE_TYPES[form])
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=form == "docx", filename=name) or ""
    )
    return response
