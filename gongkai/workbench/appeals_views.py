"""Staff pages for 行政复议 and 行政诉讼 cases: a body's list, registering a case, a case's page with its
steps. Every page checks the user's role for the case's body (staff and head act; a supervising office
reads its subtree); every change is one call of `gongkai.appeals.services`, which checks the role again
and logs the change. A refusal is logged and becomes the 403 page; a rejected input, Chinese errors on
the form.

The body's own deadline in a case (答复 or 答辩) comes from `gongkai.appeals.deadlines`; due-soon and
overdue are derived as for applications (`deadlines.deadline_state`), never stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import can_act, require_act, require_read, supervises
from gongkai.appeals import services
from gongkai.appeals.deadlines import ResponseDeadline, response_deadline
from gongkai.appeals.models import AppealCase, CaseKind, Outcome
from gongkai.applications.deadlines import deadline_state
from gongkai.applications.models import Application
from gongkai.core.models import AuditLog
from gongkai.portal.errors import attach_error
from gongkai.workbench.access import agency_for_actor, agency_for_reader, checked
from gongkai.workbench.appeals_forms import (
    CASE_ACTIONS,
    DECIDED,
    PENDING,
    CaseAction,
    CaseEditForm,
    CaseFilterForm,
    CaseForm,
    CaseStepForm,
    bound_form,
    offered_actions,
)

PAGE_SIZE = 50


# --- Reading cases ---------------------------------------------------------------------------------------


@dataclass
class CaseRow:
    """A case with the body's own deadline in it. `state` (overdue, due_soon, ok) only while the case is
    pending and the answer is still owed; `late` when the answer went in after the deadline."""

    case: AppealCase
    deadline: ResponseDeadline | None = None
    state: str | None = None
    late: bool = False


def case_row(case: AppealCase, today: date) -> CaseRow:
    row = CaseRow(case)
    if case.outcome != Outcome.PENDING and case.response_submitted_on is None:
        return row  # decided without an answer on record: no deadline to keep any more
    row.deadline = response_deadline(case)
    if row.deadline is None:
        return row
    if case.response_submitted_on is None:
        row.state = deadline_state(row.deadline.due_date, today)
    else:
        row.late = case.response_submitted_on > row.deadline.due_date
    return row


def _sort_key(row: CaseRow) -> tuple[int, int, int, int]:
    """Pending cases first: those whose answer is owed by the nearest deadline, then the others, latest
    filed first; decided cases after them, latest decided first."""
    case = row.case
    if case.outcome == Outcome.PENDING:
        owed = row.deadline.due_date if row.state is not None and row.deadline is not None else date.max
        return (0, owed.toordinal(), -case.filed_on.toordinal(), -case.pk)
    decided = case.decided_on or case.filed_on
    return (1, 0, -decided.toordinal(), -case.pk)


def agency_cases(agencies: list[Agency], filters: dict[str, Any], today: date) -> list[CaseRow]:
    """The bodies' cases in the list's order. Only pending cases carry their deadline here (the order needs
    it); `case_row` completes the rows of the page shown."""
    cases = AppealCase.objects.filter(agency__in=agencies).select_related("application", "agency")
    if "kind" in filters:
        cases = cases.filter(kind=filters["kind"])
    if filters.get("status") == PENDING:
        cases = cases.filter(outcome=Outcome.PENDING)
    elif filters.get("status") == DECIDED:
        cases = cases.exclude(outcome=Outcome.PENDING)
    if "year" in filters:
        cases = cases.filter(filed_on__year=filters["year"])
    # A body has a few cases a year, and fewer pending: their derived deadlines are computed in Python.
    rows = [case_row(case, today) if case.outcome == Outcome.PENDING else CaseRow(case) for case in cases]
    return sorted(rows, key=_sort_key)


@dataclass
class SubtreeLine:
    agency: Agency
    pending: int = 0
    owed: int = 0
    overdue: int = 0


def subtree_counts(agency: Agency, today: date) -> list[SubtreeLine]:
    """Per body of the subtree: pending cases, answers owed and overdue answers. One aggregate query, and
    one for the cases whose answer is owed (their deadlines are derived, not stored)."""
    agencies = list(agency.subtree().order_by("path"))
    lines = {a.pk: SubtreeLine(a) for a in agencies}
    pending = AppealCase.objects.filter(agency__in=list(lines), outcome=Outcome.PENDING)
    for row in pending.values("agency_id").annotate(n=Count("id")):
        lines[row["agency_id"]].pending = row["n"]
    owed = pending.filter(copy_received_on__isnull=False, response_submitted_on__isnull=True)
    for case in owed:
        line = lines[case.agency_id]
        line.owed += 1
        if case_row(case, today).state == "overdue":
            line.overdue += 1
    return [lines[a.pk] for a in agencies]


@dataclass
class HistoryEntry:
    at: datetime
    actor: str
    message: str
    changes: list[str] = field(default_factory=list)


FIELD_LABELS = {
    f.name: str(f.verbose_name) for f in AppealCase._meta.get_fields() if hasattr(f, "verbose_name")
}


def _shown(name: str, value: Any, numbers: dict[int, str]) -> str:
    if value in (None, ""):
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if name == "kind" and value in CaseKind.values:
        return str(CaseKind(value).label)
    if name == "outcome" and value in Outcome.values:
        return str(Outcome(value).label)
    if name == "application":
        return numbers.get(value, f"#{value}")
    return str(value)


def case_history(case: AppealCase) -> list[HistoryEntry]:
    """Every change of the case as the audit log recorded it (the services log each one), oldest first,
    with the fields that changed."""
    logs = list(
        AuditLog.objects.filter(
            object_type=AppealCase.__name__, object_id=str(case.pk), outcome=AuditLog.Outcome.DONE
        )
        .select_related("actor")
        .order_by("at", "id")
    )
    linked = {
        value
        for log in logs
        for side in ("before", "after")
        if isinstance(value := (log.detail.get(side) or {}).get("application"), int)
    }
    numbers = dict(Application.objects.filter(pk__in=linked).values_list("pk", "number"))
    entries = []
    for log in logs:
        before = log.detail.get("before") or {}
        after = log.detail.get("after") or {}
        changes = []
        if before:
            for name, value in after.items():
                if before.get(name) != value:
                    label = FIELD_LABELS.get(name, name)
                    old, new = _shown(name, before.get(name), numbers), _shown(name, value, numbers)
                    changes.append(f"{label}：{old} → {new}")
        actor = (log.actor.get_full_name() or log.actor.username) if log.actor else "系统"
        entries.append(HistoryEntry(at=log.at, actor=actor, message=log.message, changes=changes))
    return entries


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
    forms: list[tuple[CaseAction, str, CaseStepForm | CaseEditForm]] = []
    refused = None
    if acts:
        for action in offered_actions(case):
            if bound is not None and bound.prefix == action.name:
                form, bound = bound, None
            else:
                form = bound_form(action, case)
            forms.append((action, action.title_for(case), form))
        refused = bound  # the posted step is no longer offered: its errors go above the forms
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
    if form.is_valid():
        service = getattr(services, form.service)
        try:
            service(case=case, actor=request.user, **form.arguments())
        except ValidationError as error:
            attach_error(form, error)
        else:
            messages.success(request, f"{spec.title_for(case)}：已登记。")
            return redirect("workbench:appeal", pk=case.pk)
    case.refresh_from_db()
    return _case_page(request, case, bound=form, status=400)
