"""Staff pages for 行政复议 and 行政诉讼 cases: a body's list, registering a case, a case's page with its
steps. Every page checks the user's role for the case's body (staff and head act; a supervising office
reads its subtree); every change is one call of `gongkai.appeals.services`, which checks the role again
and logs the change. A refusal is logged and becomes the 403 page; a rejected input, Chinese errors on
the form.

The reads (the list's order, the body's own deadline in each case, a subtree's counts, a case's history)
are `gongkai.appeals.selectors`'s; the steps a case's page offers, `appeals.services.allowed_actions`'s;
the posting of a step, the workbench's one action framework (`gongkai.workbench.acting`)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.agencies.permissions import can_act, require_act, require_read, supervises
from gongkai.appeals import services
from gongkai.appeals.models import AppealCase, Outcome
from gongkai.appeals.selectors import agency_cases, case_history, case_row, subtree_counts
from gongkai.core.form_errors import attach_error
from gongkai.workbench.access import agency_for_actor, agency_for_reader, checked
from gongkai.workbench.acting import offered_forms, perform
from gongkai.workbench.appeals_forms import (
    CASE_ACTIONS,
    CaseEditForm,
    CaseFilterForm,
    CaseForm,
    CaseStepForm,
    bound_form,
    offered_actions,
)

PAGE_SIZE = 50


def _case_for(request: HttpRequest, pk: int, *, action: str, act: bool) -> AppealCase:
    """The case `pk` for a user who may read its body (or act for it, with `act`); otherwise
    PermissionDenied, written to the audit log first."""
    case = AppealCase.objects.select_related("agency", "application").filter(pk=pk).first()
    if case is None:
        raise Http404("案件不存在。")
    checked(
        request, checks=[require_act if act else require_read], agency=case.agency, obj=case, action=action
    )
    return case


# --- Pages -----------------------------------------------------------------------------------------------


@login_required
def appeals(request: HttpRequest, code: str) -> HttpResponse:
    """The body's cases: pending ones first, by the deadline of the answer still owed; each with the
    body's own deadline marked due soon or overdue, its kind, linked application and outcome. A
    supervising office sees every case of its subtree (filterable by body) and, per body, the pending
    cases and overdue answers; the staff of a body its own cases only."""
    agency = agency_for_reader(request, code, page="appeals")
    today = timezone.localdate()
    supervisor = supervises(request.user, agency) and agency.children.exists()
    bodies = list(agency.subtree().order_by("path")) if supervisor else [agency]
    filters = CaseFilterForm(request.GET or None, bodies=bodies)
    rows = agency_cases(filters.chosen_bodies(), filters.filters(), today)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = [
        row if row.case.outcome == Outcome.PENDING else case_row(row.case, today) for row in page.object_list
    ]
    query = request.GET.copy()
    query.pop("page", None)
    subtree = subtree_counts(agency, today) if supervisor else []
    context = {
        "agency": agency,
        "filters": filters,
        "page": page,
        "today": today,
        "can_act": can_act(request.user, agency),
        "query": query.urlencode(),
        "subtree": subtree,
        "pending": sum(1 for row in rows if row.case.outcome == Outcome.PENDING),
    }
    return render(request, "workbench/appeals.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def appeal_register(request: HttpRequest, code: str) -> HttpResponse:
    """Register a case of the body, optionally for one of its applications (`?application=受理编号`)."""
    agency = agency_for_actor(request, code, page="appeal_register")
    initial = {"application": request.GET.get("application", "")}
    data = request.POST if request.method == "POST" else None
    form = CaseForm(data, agency=agency, initial=initial)
    if form.is_bound and form.is_valid():
        try:
            case = services.appeal_case_register(actor=request.user, agency=agency, **form.cleaned_data)
        except ValidationError as error:
            attach_error(form, error)
        else:
            messages.success(request, f"已登记{case.get_kind_display()}案件。")
            return redirect("workbench:appeal", pk=case.pk)
    return render(
        request,
        "workbench/appeals_register.html",
        {"agency": agency, "form": form},
        status=400 if form.errors else 200,
    )


def _case_page(
    request: HttpRequest,
    case: AppealCase,
    bound: CaseStepForm | CaseEditForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """A case: its details, the body's deadline with its basis, every outcome step, the history of its
    changes, and (for its staff and head) the forms of the steps it can take now."""
    acts = can_act(request.user, case.agency)
    offered, refused = offered_forms(
        offered_actions(case, request.user), bound, lambda action: bound_form(action, case)
    )
    forms = [(action, action.title_for(case), form) for action, form in offered]
    context = {
        "agency": case.agency,
        "case": case,
        "row": case_row(case, timezone.localdate()),
        "decisions": list(case.decisions.select_related("recorded_by")),
        "history": case_history(case),
        "action_forms": forms,
        "refused": refused,
        "can_act": acts,
    }
    return render(request, "workbench/appeals_case.html", context, status=status)


@login_required
def appeal(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_page(request, _case_for(request, pk, action="appeal_case_read", act=False))


@login_required
@require_POST
def appeal_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One step on a case through one service (`appeal_case_update` or `appeal_case_decide`). The role is
    checked before the form is read, so that a user without it learns nothing from the form's errors."""
    spec = CASE_ACTIONS.get(action)
    if spec is None:
        raise Http404("没有这项操作。")
    form_class: Any = spec.form
    case = _case_for(request, pk, action=form_class.service, act=True)
    form = bound_form(spec, case, request.POST)

    def again() -> HttpResponse:
        case.refresh_from_db()
        return _case_page(request, case, bound=form, status=400)

    return perform(
        request,
        form,
        lambda: getattr(services, form.service)(case=case, actor=request.user, **form.arguments()),
        done=f"{spec.title_for(case)}：已登记。",
        then=lambda: redirect("workbench:appeal", pk=case.pk),
        again=again,
    )
