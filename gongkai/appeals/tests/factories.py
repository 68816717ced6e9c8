"""Plain factories for the appeals tests (and the report counts, which count cases and applications)."""

from __future__ import annotations

from datetime import date
from itertools import count

from django.contrib.auth.models import User

from gongkai.agencies.models import Agency, Membership
from gongkai.agencies.services import agency_add, membership_grant, user_create
from gongkai.appeals.models import AppealCase, AppealDecision, CaseKind, Outcome
from gongkai.applications.models import ApplicantType, Application, Channel, Result, Source, Status

_numbers = count(1)

Role = Membership.Role


def make_agency(code: str = "XS-ZRZY", name: str = "象山县自然资源和规划局") -> Agency:
    return agency_add(code=code, name=name)


def make_user(agency: Agency, role: str = Role.STAFF, username: str = "wang") -> User:
    user = user_create(username=username, password="pw-for-tests")
    membership_grant(user=user, agency=agency, role=role)
    return user


def make_application(
    agency: Agency,
    *,
    received_on: date | None,
    closed_on: date | None = None,
    result: str = "",
    applicant_type: str = ApplicantType.NATURAL_PERSON,
) -> Application:
    """A received application, open, or closed on `closed_on` with `result` (default 予以公开)."""
    if closed_on is not None and not result:
        result = Result.DISCLOSED
    if received_on is None:
        status = Status.PENDING_RECEIPT
    else:
        status = Status.CLOSED if closed_on else Status.IN_PROGRESS
    return Application.objects.create(
        agency=agency,
        number=f"T-{next(_numbers):06d}",
        source=Source.IMPORT,
        applicant_type=applicant_type,
        description="申请公开某项目的批准文件",
        channel=Channel.ONLINE,
        received_on=received_on,
        status=status,
        closed_on=closed_on,
        result=result,
    )


def make_case(
    agency: Agency,
    *,
    filed_on: date,
    kind: str = CaseKind.RECONSIDERATION,
    decisions: tuple[tuple[date, str], ...] = (),
    co_defendant: bool = False,
) -> AppealCase:
    """A case with its outcome steps written directly (the services are tested on their own)."""
    case = AppealCase.objects.create(agency=agency, kind=kind, filed_on=filed_on, co_defendant=co_defendant)
    for decided_on, outcome in decisions:
        AppealDecision.objects.create(case=case, decided_on=decided_on, outcome=outcome)
        case.outcome = outcome
        case.decided_on = None if outcome == Outcome.PENDING else decided_on
    case.save()
    return case
