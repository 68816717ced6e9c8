"""Public pages: readable and usable without JavaScript; no applicant's personal data appears here,
except on an applicant's own status page, reached with the application's number and query code."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.agencies.models import Agency
from gongkai.applications import selectors, services
from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.models import Application
from gongkai.core import throttle
from gongkai.core.form_errors import attach_error
from gongkai.portal import status_page
from gongkai.portal.forms import ApplyForm, CorrectionForm, StatusLookupForm

# Session keys: the number and code to show once after applying; the application the visitor has
# opened with its number and code (kept server-side in the session, never in the URL).
JUST_SUBMITTED = "portal_just_submitted"
OPENED_APPLICATION = "portal_opened_application"

NOT_FOUND = "未找到该申请。请核对受理编号和查询码（查询码不区分大小写）。"
TOO_MANY = "查询失败次数过多，请15分钟后再试。如遗失查询码，请携带身份证明联系受理机关。"


def home(request: HttpRequest) -> HttpResponse:
    agencies = Agency.objects.order_by("path")
    return render(request, "portal/home.html", {"agencies": agencies})


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, code: str) -> HttpResponse:
    """The online application form of one body (条例第二十九条)."""
    agency = get_object_or_404(Agency, code=code)
    form = ApplyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            application, query_code = services.application_submit_online(
                agency=agency, applicant=ApplicantDetails.from_mapping(form.cleaned_data)
            )
        except ValidationError as error:
            attach_error(form, error)
        else:
            request.session[JUST_SUBMITTED] = {
                "agency": agency.name,
                "number": application.number,
                "query_code": query_code,
            }
            return redirect("portal:submitted")
    return render(request, "portal/apply.html", {"agency": agency, "form": form})


def submitted(request: HttpRequest) -> HttpResponse:
    """The number and query code, shown once: a reload finds them gone from the session."""
    receipt = request.session.pop(JUST_SUBMITTED, None)
    if receipt is None:
        return redirect("portal:status")
    response = render(request, "portal/submitted.html", {"receipt": receipt})
    # Neither the browser nor a proxy may keep a copy of the page with the code.
    response["Cache-Control"] = "no-store"
    return response


def _opened(request: HttpRequest) -> Application | None:
    pk = request.session.get(OPENED_APPLICATION)
    if pk is None:
        return None
    return Application.objects.select_related("agency").filter(pk=pk).first()


@require_http_methods(["GET", "POST"])
def status(request: HttpRequest) -> HttpResponse:
    """Number + query code → the application's status and the notices sent to its applicant.

    A wrong number and a wrong code get the same answer, and failed look-ups are rate-limited,
    so the page tells a guesser nothing about which numbers exist."""
    form = StatusLookupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if throttle.lookups_blocked(request):
            form.is_valid()
            form.add_error(None, TOO_MANY)
        elif form.is_valid():
            application = selectors.get_application_for_applicant(
                form.cleaned_data["number"].strip(), form.cleaned_data["query_code"]
            )
            if application is None:
                throttle.record_failure(request)
                form.add_error(None, NOT_FOUND)
            else:
                throttle.record_success(request)
                # A new session id for the opened application: a fixed session cannot be planted.
                request.session.cycle_key()
                request.session[OPENED_APPLICATION] = application.pk
                return redirect("portal:status")
        return render(request, "portal/status_lookup.html", {"form": form}, status=200)
    application = _opened(request)
    if application is None:
        return render(request, "portal/status_lookup.html", {"form": form})
    return _status_response(request, application, None)


def _status_response(
    request: HttpRequest, application: Application, form: CorrectionForm | None
) -> HttpResponse:
    """The applicant's own status page, with their personal data: neither the browser nor a proxy may
    keep a copy, whether it is shown after the look-up or again with a correction's errors."""
    context = status_page.context_for(application)
    if form is None and context["correction_open"]:
        form = CorrectionForm()
    context["correction_form"] = form
    response = render(request, "portal/status.html", context)
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def correction(request: HttpRequest) -> HttpResponse:
    """条例第三十条: the applicant submits the corrected application on the status page."""
    application = _opened(request)
    if application is None:
        return redirect("portal:status")
    form = CorrectionForm(request.POST)
    if form.is_valid():
        try:
            services.application_submit_correction_online(
                application=application, description=form.cleaned_data["description"]
            )
        except ValidationError as error:
            attach_error(form, error)
        else:
            messages.success(
                request, "补正材料已提交。机关确认收到后，答复期限自收到补正之日起重新计算（条例第三十条）。"
            )
            return redirect("portal:status")
    return _status_response(request, application, form)


@require_POST
def close_status(request: HttpRequest) -> HttpResponseRedirect:
    """Forget the opened application (on a shared computer, before leaving)."""
    request.session.pop(OPENED_APPLICATION, None)
    return HttpResponseRedirect(reverse("portal:status"))
