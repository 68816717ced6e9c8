"""Intake: registering an application received by any channel, an application made online, and the
confirmation of receipt (条例第二十九条, 第三十一条)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from django.core.exceptions import ValidationError
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import require_act
from gongkai.applications.deadlines import compute_deadline
from gongkai.applications.intake import ApplicantDetails, clean_applicant, clean_channel
from gongkai.applications.models import Application, Channel, EventKind, LetterKind, Source, Status
from gongkai.applications.numbering import new_query_code, next_number
from gongkai.applications.services.base import (
    check_date,
    check_submitted_at,
    lock,
    not_before,
    service,
    today,
)
from gongkai.applications.services.checks import check_confirm_receipt
from gongkai.applications.services.events import record, snapshot

if TYPE_CHECKING:
    from gongkai.applications.services.base import Actor


class NewApplication(NamedTuple):
    """A new application and its query code: the code is shown to the applicant once and never again
    (only its digest is stored)."""

    application: Application
    query_code: str


def _receipt_date(*, channel: str, letter_kind: str, received_on: date | None) -> date | None:
    """The date of receipt at intake (条例第三十一条), or None while it awaits confirmation."""
    if channel == Channel.IN_PERSON:
        # 当面提交的，以提交之日为收到申请之日.
        return received_on or today()
    if channel == Channel.LETTER and letter_kind == LetterKind.REGISTERED:
        # 邮寄挂号信、特快专递的，以行政机关签收之日为收到申请之日.
        if received_on is None:
            raise ValidationError(
                {"received_on": "挂号信、特快专递提交的申请，以签收之日为收到申请之日，请填写签收日期。"}
            )
        return received_on
    # 平信、网络、传真（and 其他）: 以双方确认之日为收到申请之日 — given now, or confirmed later.
    return received_on


def _create(
    *,
    agency: Agency,
    channel: str,
    letter_kind: str,
    source: str,
    received_on: date | None,
    submitted_at: datetime | None,
    applicant: dict[str, str],
) -> NewApplication:
    # The number's year: that of receipt, or of submission while receipt awaits confirmation.
    if received_on is not None:
        year = received_on.year
    elif submitted_at is not None:
        year = timezone.localdate(submitted_at).year
    else:
        year = today().year
    number = next_number(agency=agency, year=year)
    code, digest = new_query_code()
    application = Application(
        agency=agency,
        number=number.number,
        sequence_year=number.year,
        sequence=number.sequence,
        query_code=digest,
        source=source,
        channel=channel,
        letter_kind=letter_kind,
        submitted_at=submitted_at,
        received_on=received_on,
        status=Status.IN_PROGRESS if received_on else Status.PENDING_RECEIPT,
        **applicant,
    )
    application.save()
    return NewApplication(application=application, query_code=code)


@service("application_register")
def application_register(
    *,
    actor: Actor,
    agency: Agency,
    channel: str,
    applicant: ApplicantDetails,
    letter_kind: str = "",
    received_on: date | None = None,
    submitted_at: datetime | None = None,
    note: str = "",
) -> NewApplication:
    """Register an application received by any channel (staff intake), from `applicant`'s particulars.

    The date of receipt follows 条例第三十一条: in person, the day of submission (`received_on`,
    default today); registered post, the day signed for (`received_on`, required); ordinary post,
    fax, online and other channels, the day both sides confirmed (`received_on`), or leave it empty
    and confirm later with `application_confirm_receipt` (status pending_receipt).
    Returns the application and its query code (to give to the applicant; it is not kept)."""
    require_act(actor, agency)
    applicant = clean_applicant(applicant)
    channel, letter_kind = clean_channel(channel=channel, letter_kind=letter_kind)
    if received_on is not None:
        check_date(received_on, "received_on", "收到申请日期")
    received = _receipt_date(channel=channel, letter_kind=letter_kind, received_on=received_on)
    if submitted_at is not None:
        check_submitted_at(submitted_at)
    elif channel == Channel.IN_PERSON and received == today():
        submitted_at = timezone.now()
    created = _create(
        agency=agency,
        channel=channel,
        letter_kind=letter_kind,
        source=Source.STAFF,
        received_on=received,
        submitted_at=submitted_at,
        applicant=applicant.as_fields(),
    )
    record(
        created.application,
        kind=EventKind.REGISTERED,
        actor=actor,
        before={},
        effective_on=received,
        data={"channel": channel, "letter_kind": letter_kind, "number": created.application.number},
        note=note,
    )
    return created


@service("application_submit_online")
def application_submit_online(
    *,
    agency: Agency,
    applicant: ApplicantDetails,
    source: str = Source.PORTAL,
    submitted_at: datetime | None = None,
    received_on: date | None = None,
    actor: Actor | None = None,
) -> NewApplication:
    """An application made online by the public (the portal) or passed on by another platform (the
    API, `source=Source.API`, `actor` the API's user when there is one).

    It is numbered at once, so the applicant can follow it with the number and the query code, and
    waits as pending_receipt until staff confirm receipt (条例第三十一条: 以双方确认之日为收到申请之日).
    Only another platform that has already confirmed receipt with the applicant may give `received_on`.
    Returns the application and its query code (shown to the applicant once; it is not kept)."""
    if source not in (Source.PORTAL, Source.API):
        raise ValidationError({"source": "网上申请的来源应为网上申请或接口提交。"})
    if received_on is not None:
        if source != Source.API:
            raise ValidationError({"received_on": "网上申请由工作人员与申请人确认后确定收到日期。"})
        check_date(received_on, "received_on", "收到申请日期")
    applicant = clean_applicant(applicant)
    submitted_at = check_submitted_at(submitted_at or timezone.now())
    if received_on is not None:
        not_before(received_on, timezone.localdate(submitted_at), "received_on", "收到日期", "提交日期")
    created = _create(
        agency=agency,
        channel=Channel.ONLINE,
        letter_kind="",
        source=source,
        received_on=received_on,
        submitted_at=submitted_at,
        applicant=applicant.as_fields(),
    )
    record(
        created.application,
        kind=EventKind.SUBMITTED,
        actor=actor,
        before={},
        effective_on=received_on,
        data={"source": source, "number": created.application.number},
    )
    return created


@service("application_confirm_receipt")
def application_confirm_receipt(*, actor: Actor, application: Application, received_on: date) -> Application:
    """Record the day both sides confirmed receipt of an online, fax, ordinary-post or other application
    (条例第三十一条); the reply period runs from it."""
    lock(application)
    require_act(actor, application.agency)
    check_confirm_receipt(application, compute_deadline(application))
    check_date(received_on, "received_on", "收到申请日期")
    if application.submitted_at is not None:
        not_before(
            received_on, timezone.localdate(application.submitted_at), "received_on", "收到日期", "提交日期"
        )
    before = snapshot(application)
    application.received_on = received_on
    application.status = Status.IN_PROGRESS
    record(
        application, kind=EventKind.RECEIPT_CONFIRMED, actor=actor, before=before, effective_on=received_on
    )
    return application
