"""Recording reconsideration and litigation cases. Staff or head of the body only; every change logged."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils import timezone

from gongkai.agencies.permissions import can_act, require_act, require_role
from gongkai.appeals.deadlines import RECONSIDERATION_LAW_2023
from gongkai.appeals.models import AppealCase, AppealDecision, CaseKind, Outcome
from gongkai.core.audit import audit_record

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    from gongkai.agencies.models import Agency
    from gongkai.applications.models import Application

    AnyUser = User | AnonymousUser

# The fields staff may correct after registration; the outcome has its own service.
EDITABLE_FIELDS = (
    "application",
    "kind",
    "case_number",
    "authority",
    "co_defendant",
    "simplified_procedure",
    "filed_on",
    "copy_received_on",
    "response_submitted_on",
    "note",
)


@dataclass(frozen=True)
class CaseFacts:
    """What the validation rules look at, whether the case is new or being changed."""

    agency: Agency
    application: Application | None
    kind: str
    co_defendant: bool
    simplified_procedure: bool
    filed_on: date | None
    copy_received_on: date | None
    response_submitted_on: date | None
    outcome: str
    decided_on: date | None

    @classmethod
    def from_mapping(cls, agency: Agency, values: Mapping[str, Any]) -> CaseFacts:
        """The facts among `values` (a form's cleaned data, a case's fields): a missing flag is False,
        a missing outcome pending."""
        return cls(
            agency=agency,
            application=values.get("application"),
            kind=values.get("kind", ""),
            co_defendant=bool(values.get("co_defendant")),
            simplified_procedure=bool(values.get("simplified_procedure")),
            filed_on=values.get("filed_on"),
            copy_received_on=values.get("copy_received_on"),
            response_submitted_on=values.get("response_submitted_on"),
            outcome=values.get("outcome") or Outcome.PENDING,
            decided_on=values.get("decided_on"),
        )

    @classmethod
    def of_case(cls, case: AppealCase) -> CaseFacts:
        return cls.from_mapping(case.agency, {name: getattr(case, name) for name in FACT_FIELDS})


# The case's fields the rules look at (besides its body).
FACT_FIELDS = tuple(f.name for f in fields(CaseFacts) if f.name != "agency")


def case_errors(facts: CaseFacts, *, today: date | None = None) -> dict[str, list[str]]:  # noqa: C901 - one check per rule, all reported at once
    """Every rule the facts break, by field, in Chinese (empty when valid). Shared with the admin form."""
    today = today or timezone.localdate()
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if facts.kind not in CaseKind.values:
        add("kind", f"未知的案件类型：{facts.kind}")
    if facts.outcome not in Outcome.values:
        add("outcome", f"未知的结果：{facts.outcome}")
    if facts.filed_on is None:
        add("filed_on", "请填写申请或起诉日期。")
    for field, value, label in (
        ("filed_on", facts.filed_on, "申请或起诉日期"),
        ("copy_received_on", facts.copy_received_on, "收到副本日期"),
        ("response_submitted_on", facts.response_submitted_on, "提交答复或答辩日期"),
        ("decided_on", facts.decided_on, "审结日期"),
    ):
        if value is not None and value > today:
            add(field, f"{label}不能晚于今天。")
    if facts.filed_on is not None:
        if facts.copy_received_on is not None and facts.copy_received_on < facts.filed_on:
            add("copy_received_on", "收到副本日期不能早于申请或起诉日期。")
        if facts.decided_on is not None and facts.decided_on < facts.filed_on:
            add("decided_on", "审结日期不能早于申请或起诉日期。")
    if facts.response_submitted_on is not None:
        if facts.copy_received_on is None:
            add("response_submitted_on", "请先填写收到申请书或起诉状副本的日期。")
        elif facts.response_submitted_on < facts.copy_received_on:
            add("response_submitted_on", "提交答复或答辩日期不能早于收到副本日期。")
    if facts.outcome == Outcome.PENDING and facts.decided_on is not None:
        add("decided_on", "尚未审结的案件不应有审结日期。")
    if facts.outcome != Outcome.PENDING and facts.decided_on is None:
        add("decided_on", "已审结的案件须填写审结日期。")
    # 行政诉讼法第二十六条第二款: the reconsideration body is a co-defendant only in a suit brought
    # after it upheld the decision.
    if facts.co_defendant and facts.kind != CaseKind.LITIGATION_AFTER_RECONSIDERATION:
        add("co_defendant", "只有复议后起诉的行政诉讼案件，复议机关才可能作为共同被告。")
    if facts.simplified_procedure:
        if facts.kind != CaseKind.RECONSIDERATION:
            add("simplified_procedure", "简易程序标记只适用于行政复议案件。")
        # The simplified procedure exists only under the 2023 law (第五十三条).
        started = facts.copy_received_on or facts.filed_on
        if started is not None and started < RECONSIDERATION_LAW_2023:
            add("simplified_procedure", "2024年1月1日前的行政复议没有简易程序（《行政复议法》2023年修订）。")
    if facts.application is not None:
        if facts.co_defendant:
            add("application", "作为复议机关共同被告的案件涉及的是原行为机关的决定，不能关联本机关的申请。")
        elif facts.application.agency_id != facts.agency.pk:
            add("application", "只能关联本机关办理的申请。")
    return errors


def _check(facts: CaseFacts) -> None:
    errors = case_errors(facts)
    if errors:
        raise ValidationError(errors)


def allowed_actions(case: AppealCase, user: AnyUser) -> list[str]:
    """The steps the case's page offers `user` now, in the order they happen: the copy received, then the
    answer submitted (each once), the outcome and corrections always — for the body's staff and head."""
    if not can_act(user, case.agency):
        return []
    names = []
    if case.copy_received_on is None:
        names.append("copy_received")
    elif case.response_submitted_on is None:
        names.append("response_submitted")
    return [*names, "decide", "edit"]


def _snapshot(case: AppealCase) -> dict[str, Any]:
    data = model_to_dict(case, fields=[*EDITABLE_FIELDS, "outcome", "decided_on"])
    return {key: value.isoformat() if isinstance(value, date) else value for key, value in data.items()}


def appeal_case_register(
    *,
    agency: Agency,
    kind: str,
    filed_on: date,
    actor: AnyUser,
    application: Application | None = None,
    case_number: str = "",
    authority: str = "",
    co_defendant: bool = False,
    simplified_procedure: bool = False,
    copy_received_on: date | None = None,
    response_submitted_on: date | None = None,
    note: str = "",
) -> AppealCase:
    """Record a new case in which `agency` is the respondent or a defendant. It starts pending."""
    require_role(actor, agency, require_act, action="appeal_case_register")
    case = AppealCase(
        agency=agency,
        application=application,
        kind=kind,
        case_number=case_number.strip(),
        authority=authority.strip(),
        co_defendant=co_defendant,
        simplified_procedure=simplified_procedure,
        filed_on=filed_on,
        copy_received_on=copy_received_on,
        response_submitted_on=response_submitted_on,
        outcome=Outcome.PENDING,
        note=note,
        created_by=actor if actor.is_authenticated else None,
    )
    _check(CaseFacts.of_case(case))
    with transaction.atomic():
        case.save()
        audit_record(
            action="appeal_case_register",
            actor=actor,
            agency=agency,
            obj=case,
            message=f"登记{case.get_kind_display()}案件 {case.case_number}".strip(),
            detail={"after": _snapshot(case)},
        )
    return case


def appeal_case_update(*, case: AppealCase, actor: AnyUser, changes: dict[str, Any]) -> AppealCase:
    """Correct the case's details (dates, numbers, flags, linked application); logged before/after."""
    require_role(actor, case.agency, require_act, action="appeal_case_update", obj=case)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"不能修改这些字段：{', '.join(sorted(unknown))}")
    with transaction.atomic():
        locked = AppealCase.objects.select_for_update().select_related("agency").get(pk=case.pk)
        before = _snapshot(locked)
        for field, value in changes.items():
            setattr(locked, field, value.strip() if isinstance(value, str) and field != "note" else value)
        _check(CaseFacts.of_case(locked))
        locked.save()
        audit_record(
            action="appeal_case_update",
            actor=actor,
            agency=locked.agency,
            obj=locked,
            message=f"修改{locked.get_kind_display()}案件 {locked.case_number}".strip(),
            detail={"before": before, "after": _snapshot(locked)},
        )
    return locked


def appeal_case_decide(
    *, case: AppealCase, outcome: str, decided_on: date, actor: AnyUser, note: str = ""
) -> AppealCase:
    """Record the decision or judgment of `decided_on`; or, with outcome pending, that a decided case was
    reopened that day (e.g. appealed to a higher court). Steps are kept in order, so table 四 can take
    the outcome as known on 31 December of the year the case was filed."""
    require_role(actor, case.agency, require_act, action="appeal_case_decide", obj=case)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": [f"未知的结果：{outcome}"]})
    if decided_on is None:
        raise ValidationError({"decided_on": ["请填写审结（或重新进入审理）的日期。"]})
    if decided_on > timezone.localdate():
        raise ValidationError({"decided_on": ["审结日期不能晚于今天。"]})
    with transaction.atomic():
        locked = AppealCase.objects.select_for_update().select_related("agency").get(pk=case.pk)
        last = locked.decisions.order_by("-decided_on", "-id").first()
        if last is not None and decided_on < last.decided_on:
            raise ValidationError(
                {"decided_on": [f"日期不能早于上一次结果记录（{last.decided_on.isoformat()}）。"]}
            )
        if outcome == Outcome.PENDING and locked.outcome == Outcome.PENDING:
            raise ValidationError({"outcome": ["案件本来就尚未审结。"]})
        if locked.filed_on is not None and decided_on < locked.filed_on:
            raise ValidationError({"decided_on": ["审结日期不能早于申请或起诉日期。"]})
        before = _snapshot(locked)
        locked.outcome = outcome
        locked.decided_on = None if outcome == Outcome.PENDING else decided_on
        _check(CaseFacts.of_case(locked))
        locked.save()
        AppealDecision.objects.create(
            case=locked,
            outcome=outcome,
            decided_on=decided_on,
            note=note,
            recorded_by=actor if actor.is_authenticated else None,
        )
        audit_record(
            action="appeal_case_decide",
            actor=actor,
            agency=locked.agency,
            obj=locked,
            message=f"{locked.get_kind_display()}案件 {locked.case_number} 结果：{locked.get_outcome_display()}",
            detail={"before": before, "after": _snapshot(locked), "on": decided_on.isoformat()},
        )
    return locked
