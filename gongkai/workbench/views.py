"""Staff pages. Every view checks the user's role for the body it is about; every change goes through
one service of `gongkai.applications.services`, which checks the role again and logs refusals.

A ValidationError from a service becomes a Chinese error on the form; a PermissionDenied becomes the
403 page (templates/403.html)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.agencies.models import Agency, Membership
from gongkai.agencies.permissions import can_act, can_read, is_admin, supervises
from gongkai.applications import selectors, services
from gongkai.applications.deadlines import compute_deadline, deadline_state, due_soon_horizon
from gongkai.applications.intake import split_applicant
from gongkai.applications.models import NOTICE_EVENT_KINDS, Application, EventKind
from gongkai.core.form_errors import attach_error
from gongkai.publications.selectors import publication_counts
from gongkai.reports.annual import selectors as annual_selectors
from gongkai.reports.annual.deadlines import report_countdown
from gongkai.workbench import overview as overview_counts
from gongkai.workbench.access import agency_for_actor, agency_for_reader, require_action_role
from gongkai.workbench.acting import offered_forms, perform
from gongkai.workbench.actions import ACTIONS, ActionForm, for_service
from gongkai.workbench.forms import IntakeForm, QueueFilterForm
from gongkai.workbench.timeline import timeline

JUST_REGISTERED = "workbench_just_registered"


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The bodies the user works for: for staff and heads the body's own open, due-soon and overdue
    counts; for a supervising office (or an administrator) those of its whole subtree."""
    user = request.user
    assert isinstance(user, User)  # login_required
    memberships = Membership.objects.filter(user=user).select_related("agency").order_by("agency__path")
    roles: dict[Agency, list[str]] = {}
    for membership in memberships:
        roles.setdefault(membership.agency, []).append(membership.get_role_display())
    if not roles and is_admin(user):
        roles = {agency: ["系统管理员"] for agency in Agency.objects.filter(parent=None)}
    today = timezone.localdate()
    rows = []
    for agency, names in roles.items():
        # A supervising office counts its whole subtree; staff and heads their own body only, even one
        # with bodies below it (those bodies' applications are not theirs to open).
        subtree = supervises(user, agency) and agency.children.exists()
        scope = list(agency.subtree()) if subtree else [agency]
        acts = can_act(user, agency)
        # A reviewer (保密审查) works on the body's items of proactive disclosure, not its applications.
        reads = can_read(user, agency)
        counts = overview_counts.totals(overview_counts.counts_by_agency(scope, today)) if reads else None
        rows.append(
            {
                "agency": agency,
                "roles": names,
                "counts": counts,
                "can_act": acts,
                "subtree": subtree,
                # The body's annual report on last year, against its deadline (条例第四十九条).
                "countdown": report_countdown(agency, today.year - 1, today) if acts else None,
                "supervises": "主管部门" in names or is_admin(user),
                "reads": reads,
                "publications": publication_counts(agency, today),
                # The body's annual reports (条例第四十九条): this year's draft and the last two years.
                "reports": annual_selectors.report_years(agency, today, last=3) if acts else [],
            }
        )
    return render(request, "workbench/home.html", {"rows": rows})


@login_required
def queue(request: HttpRequest, code: str) -> HttpResponse:
    """The body's applications: open ones by due date, due-soon and overdue marked; filters and search;
    paginated in SQL (the selector), each row's state derived from its stored due date."""
    agency = agency_for_reader(request, code, page="queue")
    # A supervising office lists every application of its subtree, filterable by body (B.1); staff and
    # heads their own body's.
    subtree = list(agency.subtree().order_by("path")) if supervises(request.user, agency) else [agency]
    filters = QueueFilterForm(request.GET or None, bodies=subtree)
    today = timezone.localdate()
    page = selectors.applications_queue(
        filters.chosen_bodies(), **filters.filters(), today=today, page=request.GET.get("page", 1)
    )
    # One horizon for the page, as the selector's own state filter uses it: `deadline_state` per row
    # would read the calendar once per row.
    horizon = due_soon_horizon(today)
    rows = [
        (application, deadline_state(application.due_date, today, horizon) if application.is_open else None)
        for application in page.object_list
    ]
    context = {
        "agency": agency,
        "filters": filters,
        "page": page,
        "rows": rows,
        "today": today,
        "can_act": can_act(request.user, agency),
        "subtree": len(subtree) > 1,
        "query": _query_without_page(request),
    }
    template = (
        "workbench/_queue_results.html" if request.headers.get("HX-Request") else "workbench/queue.html"
    )
    return render(request, template, context)


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
@require_http_methods(["GET", "POST"])
def intake(request: HttpRequest, code: str) -> HttpResponse:
    """Staff intake of an application received by any channel."""
    agency = agency_for_actor(request, code, page="intake")
    form = IntakeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            applicant, rest = split_applicant(form.cleaned_data)
            created = services.application_register(
                actor=request.user, agency=agency, applicant=applicant, **rest
            )
        except ValidationError as error:
            attach_error(form, error)
        else:
            # The query code is not kept: shown once, on the next page, to hand to the applicant.
            request.session[JUST_REGISTERED] = {
                "pk": created.application.pk,
                "query_code": created.query_code,
            }
            messages.success(request, f"已登记申请 {created.application.number}。")
            return redirect("workbench:application", pk=created.application.pk)
    return render(request, "workbench/intake.html", {"agency": agency, "form": form})


NO_SUCH_APPLICATION = "申请不存在，或您无权查看。"


def _application_for(request: HttpRequest, pk: int) -> Application:
    """The application for a user who may read it. "No such id" and "not yours" get the same 404, which
    names no body: a number guessed from another body tells nothing (the refusal is still logged)."""
    try:
        return selectors.get_application_for_staff(request.user, pk)
    except (Application.DoesNotExist, PermissionDenied):
        raise Http404(NO_SUCH_APPLICATION) from None


def _application_page(
    request: HttpRequest, application: Application, bound: ActionForm | None = None, status: int = 200
) -> HttpResponse:
    """The application page: details, deadline with its steps, timeline, notices and deliveries, and
    the forms of the actions this user may take now (only those)."""
    today = timezone.localdate()
    deadline = compute_deadline(application)
    offered = [for_service(name) for name in services.allowed_actions(application, request.user)]
    forms, refused = offered_forms(
        offered, bound, lambda action: action.form(application=application, prefix=action.name)
    )
    just = request.session.get(JUST_REGISTERED)
    query_code = None
    if just and just.get("pk") == application.pk:
        query_code = request.session.pop(JUST_REGISTERED)["query_code"]
    context: dict[str, Any] = {
        "agency": application.agency,
        "application": application,
        "deadline": deadline,
        "state": deadline_state(application.due_date, today) if application.is_open else None,
        "timeline": timeline(application),
        "notices": selectors.notices_with_deliveries(application),
        "draft": selectors.latest_reply_draft(application) if application.is_open else None,
        "original_description": selectors.original_description(application),
        "action_forms": forms,
        "refused": refused,
        "can_act": can_act(request.user, application.agency),
        "query_code": query_code,
    }
    return render(request, "workbench/application.html", context, status=status)


@login_required
def application(request: HttpRequest, pk: int) -> HttpResponse:
    return _application_page(request, _application_for(request, pk))


@login_required
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One action on the application, through its service. The service checks the role (a refusal is
    logged and becomes the 403 page) and the state (a refusal is shown on the form)."""
    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404("没有这项操作。")
    application = _application_for(request, pk)
    require_action_role(request, application, action=spec.name, head_only=spec.head_only)
    form = spec.form(request.POST, application=application, prefix=spec.name)

    def again() -> HttpResponse:
        application.refresh_from_db()
        return _application_page(request, application, bound=form, status=400)

    return perform(
        request,
        form,
        lambda: spec.service(actor=request.user, application=application, **form.cleaned_data),
        done=f"{spec.title}：已办理。",
        then=lambda: redirect("workbench:application", pk=application.pk),
        again=again,
    )


@login_required
def notice(request: HttpRequest, pk: int, event_pk: int) -> HttpResponse:
    """A notice to the applicant, for printing: the reply (答复书) as notices.py wrote it, or a
    correction, extension or fee notice from its event."""
    application = _application_for(request, pk)
    event = application.events.filter(
        pk=event_pk, kind__in=[*NOTICE_EVENT_KINDS, EventKind.REPLY_DRAFTED]
    ).first()
    if event is None:
        raise Http404("告知书不存在。")
    return render(
        request,
        "workbench/notice.html",
        {
            "agency": application.agency,
            "application": application,
            "event": event,
            "draft": event.kind == EventKind.REPLY_DRAFTED,
        },
    )


@login_required
def overview(request: HttpRequest, code: str) -> HttpResponse:
    """A supervising office's view of its whole subtree: per body the open, due-soon and overdue counts,
    each linking to that body's queue (read-only for a supervisor). The counts of the bodies below are
    shown only to those who may open their queues (a supervising office above, an administrator): the
    staff and head of a body with bodies below it see their own body's line."""
    agency = agency_for_reader(request, code, page="overview")
    today = timezone.localdate()
    scope = agency.subtree().order_by("path") if supervises(request.user, agency) else [agency]
    lines = overview_counts.counts_by_agency(scope, today)
    context = {
        "agency": agency,
        "lines": lines,
        "total": overview_counts.totals(lines),
        "today": today,
    }
    return render(request, "workbench/overview.html", context)
