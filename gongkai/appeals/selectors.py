"""Reading 行政复议 and 行政诉讼 cases: a body's list in its order, with the body's own deadline in each
case (答复 or 答辩, from `gongkai.appeals.deadlines`; due soon and overdue derived as for applications by
`deadlines.deadline_state`, never stored), the counts of a subtree, and a case's history from the audit
log. The role is checked by the caller (the workbench's pages)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Count

from gongkai.agencies.models import Agency
from gongkai.appeals.deadlines import ResponseDeadline, response_deadline
from gongkai.appeals.models import AppealCase, CaseKind, Outcome
from gongkai.applications.deadlines import deadline_state
from gongkai.applications.models import Application
from gongkai.core.models import AuditLog

# The list's filter on the outcome: cases still pending, or decided.
PENDING, DECIDED = "pending", "decided"


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
