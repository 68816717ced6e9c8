"""Every change of an application: intake, receipt, correction, consultation, extension, fee,
withdrawal, reply and delivery of notices.

Each service is keyword-only and runs in one transaction. It
- locks the application's row and works on its current state;
- checks the actor's role for the application's body (`gongkai.agencies.permissions`): staff or head
  for everything, the head alone for an extension and for signing a reply;
- refuses an action the current status or a rule of the 条例 does not allow, with `ActionRefused` (a
  `ValidationError` with a Chinese message); refusals of role (`PermissionDenied`) and of state are
  written to the audit log once the refused transaction has rolled back, and change nothing else;
- rejects bad input with a plain `ValidationError` (a dict of field → Chinese message where a field
  is at fault);
- writes one `ApplicationEvent` with the state before and after, recomputes and stores the deadline,
  and, for receipt, a correction request, an extension, a fee notice and the reply, tells the
  applicant once the transaction has committed (`notifications.notify_applicant`).

`allowed_actions(application, user)` runs the same checks to list what the user may do now.
Dates are legal dates (`datetime.date`); "today" is `timezone.localdate()` (Asia/Shanghai).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple, ParamSpec, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import can_act, is_head, require_act, require_head
from gongkai.applications import fees
from gongkai.applications.deadlines import Deadline, compute_deadline, regime_for
from gongkai.applications.intake import clean_applicant, clean_channel
from gongkai.applications.models import (
    NOTICE_EVENT_KINDS,
    Application,
    ApplicationEvent,
    Channel,
    ConsultationKind,
    EventKind,
    FeeMethod,
    LetterKind,
    NoticeDelivery,
    Result,
    Source,
    Status,
)
from gongkai.applications.notices import DECISIONS, reply_notice
from gongkai.applications.notifications import notify_applicant
from gongkai.applications.numbering import new_query_code, next_number
from gongkai.applications.selectors import latest_reply_draft, open_consultations
from gongkai.core.services import logged_service
from gongkai.workdays.calendar import add_workdays, current_calendar

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    Actor = User | AnonymousUser

P = ParamSpec("P")
R = TypeVar("R")

CORRECTION_PERIOD_RULE = 15  # 江苏规范: 补正期限一般不超过15个工作日
CONSULTATION_OUTCOMES = {"agreed": "同意公开", "objected": "不同意公开", "no_answer": "逾期未答复"}
# Ended by their own services, never by a reply.
LAPSE_RESULTS = (Result.OTHER_NO_CORRECTION, Result.OTHER_FEE_UNPAID)


class ActionRefused(ValidationError):
    """The application's status, or a rule of the 条例, does not allow this action now."""


class NewApplication(NamedTuple):
    """A new application and its query code: the code is shown to the applicant once and never again
    (only its digest is stored)."""

    application: Application
    query_code: str


# ---------------------------------------------------------------------------------------------------
# Plumbing shared by the services


def _service(action: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Run the service in a transaction; log a refusal of role or state after its rollback."""
    return logged_service(action, subject="application", model=Application, refusals=(ActionRefused,))


def _message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "；".join(str(m) for m in error.messages)
    return str(error)


def _today() -> date:
    return timezone.localdate()


def _lock(application: Application) -> None:
    """Lock the row until the transaction ends and bring the instance up to date."""
    Application.objects.select_for_update().filter(pk=application.pk).values_list("pk").get()
    application.refresh_from_db()


def _snapshot(application: Application) -> dict[str, Any]:
    def iso(value: date | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "status": application.status,
        "received_on": iso(application.received_on),
        "due_date": iso(application.due_date),
        "due_date_provisional": application.due_date_provisional,
        "closed_on": iso(application.closed_on),
        "result": application.result,
    }


def _record(
    application: Application,
    *,
    kind: str,
    actor: Actor | None,
    before: dict[str, Any],
    effective_on: date | None = None,
    data: dict[str, Any] | None = None,
    note: str = "",
) -> ApplicationEvent:
    """Save the application with its recomputed deadline and append the event that changed it."""
    user = actor if actor is not None and actor.is_authenticated else None
    event = ApplicationEvent.objects.create(
        application=application,
        kind=kind,
        actor=user,
        effective_on=effective_on,
        data=data or {},
        before=before,
        note=note.strip(),
    )
    events = list(application.events.all())
    _store_deadline(application, events)
    application.awaiting_staff = awaiting_staff(application, events)
    application.save()
    event.after = _snapshot(application)
    ApplicationEvent.objects.filter(pk=event.pk).update(after=event.after)
    # notifications decides which events are news for the applicant and sends only once committed.
    notify_applicant(event)
    return event


def awaiting_staff(application: Application, events: list[ApplicationEvent]) -> bool:
    """Whether the applicant has acted and staff must now: confirm the receipt of an online application
    (条例第三十一条), or of a correction submitted online (条例第三十条)."""
    if application.status == Status.PENDING_RECEIPT:
        return True
    if application.status != Status.AWAITING_CORRECTION:
        return False
    corrections = [
        event.kind
        for event in events
        if event.kind
        in (EventKind.CORRECTION_REQUESTED, EventKind.CORRECTION_SUBMITTED, EventKind.CORRECTION_RECEIVED)
    ]
    return bool(corrections) and corrections[-1] == EventKind.CORRECTION_SUBMITTED


def _store_deadline(application: Application, events: list[ApplicationEvent] | None = None) -> Deadline:
    deadline = compute_deadline(application, list(application.events.all()) if events is None else events)
    application.due_date = deadline.due_date
    application.due_date_provisional = deadline.provisional if deadline.due_date else False
    return deadline


def _refuse(message: str) -> ActionRefused:
    return ActionRefused(message)


def _check_date(value: object, field: str, label: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError({field: f"{label}须为日期（YYYY-MM-DD）。"})
    if value > _today():
        raise ValidationError({field: f"{label}不能晚于今天（{_today().isoformat()}）。"})
    return value


def _check_submitted_at(value: object) -> datetime:
    if not isinstance(value, datetime) or timezone.is_naive(value):
        raise ValidationError({"submitted_at": "提交时间须为带时区的时间。"})
    if value > timezone.now():
        raise ValidationError({"submitted_at": "提交时间不能晚于现在。"})
    return value


def _not_before(value: date, floor: date | None, field: str, label: str, floor_label: str) -> None:
    if floor is not None and value < floor:
        raise ValidationError(
            {field: f"{label}（{value.isoformat()}）不能早于{floor_label}（{floor.isoformat()}）。"}
        )


def _events(application: Application, kind: str) -> list[ApplicationEvent]:
    return list(application.events.filter(kind=kind).order_by("at", "id"))


def _has(application: Application, kind: str) -> bool:
    return application.events.filter(kind=kind).exists()


def _status_label(application: Application) -> str:
    return Status(application.status).label


def _require_status(application: Application, *allowed: str, doing: str) -> None:
    if application.status not in allowed:
        raise _refuse(f"该申请当前状态为“{_status_label(application)}”，不能{doing}。")


# ---------------------------------------------------------------------------------------------------
# The checks of state and of the 条例 that decide whether an action is possible now. Each raises
# ActionRefused; `allowed_actions` runs them to list what the UI may offer.


def _check_confirm_receipt(application: Application, deadline: Deadline) -> None:
    _require_status(application, Status.PENDING_RECEIPT, doing="确认收到")


def _check_request_correction(application: Application, deadline: Deadline) -> None:
    _require_status(application, Status.IN_PROGRESS, doing="告知补正")
    # 条例第三十条: 一次性告知.
    if _has(application, EventKind.CORRECTION_REQUESTED):
        raise _refuse("已经告知过补正：补正应当一次性告知（条例第三十条）。")


def _check_receive_correction(application: Application, deadline: Deadline) -> None:
    _require_status(application, Status.AWAITING_CORRECTION, doing="登记收到补正")


def _check_lapse_correction(application: Application, deadline: Deadline) -> None:
    _require_status(application, Status.AWAITING_CORRECTION, doing="按逾期未补正处理")
    if _has(application, EventKind.CORRECTION_SUBMITTED):
        raise _refuse("申请人已在网上提交补正材料，请确认收到补正，不能按逾期未补正处理。")
    if deadline.correction_due is not None and _today() <= deadline.correction_due:
        raise _refuse(
            f"补正期限至 {deadline.correction_due.isoformat()} 届满，届满之后方可按逾期未补正处理。"
        )


def _check_start_consultation(application: Application, deadline: Deadline) -> None:
    _require_status(application, Status.IN_PROGRESS, Status.CONSULTING, doing="征求意见")


def _check_end_consultation(application: Application, deadline: Deadline) -> None:
    _require_status(application, Status.CONSULTING, doing="登记征求意见结果")


def _check_extend(application: Application, deadline: Deadline) -> None:
    _require_status(application, Status.IN_PROGRESS, Status.CONSULTING, doing="延期答复")
    if _has(application, EventKind.EXTENDED):
        raise _refuse("该申请已经延期过一次，不能再次延期（条例第三十三条）。")


def _check_notify_fee(application: Application, deadline: Deadline) -> None:
    _require_status(application, Status.IN_PROGRESS, doing="发出收费通知")
    if application.received_on is not None and application.received_on < fees.FEES_IN_FORCE:
        raise _refuse("2021年1月1日前收到的申请不适用《政府信息公开信息处理费管理办法》。")
    if _has(application, EventKind.FEE_NOTIFIED) or _has(application, EventKind.FEE_WAIVED):
        raise _refuse("该申请已经作出收费决定：每件申请只能按一种方式计收一次（国办函〔2020〕109号）。")


def _check_record_payment(application: Application, deadline: Deadline) -> None:
    _require_status(application, Status.AWAITING_PAYMENT, doing="登记缴费")


def _check_lapse_fee(application: Application, deadline: Deadline) -> None:
    _require_status(application, Status.AWAITING_PAYMENT, doing="按逾期未缴费处理")
    if deadline.payment_due is not None and _today() <= deadline.payment_due:
        raise _refuse(
            f"缴费期限至 {deadline.payment_due.isoformat()} 届满（收到收费通知次日起20个工作日），届满之后方可按逾期未缴费处理。"
        )


def _check_withdraw(application: Application, deadline: Deadline) -> None:
    if not application.is_open:
        raise _refuse("该申请已办结，不能撤回。")


def _check_draft_reply(application: Application, deadline: Deadline) -> None:
    _require_status(application, Status.IN_PROGRESS, doing="拟写答复")


def _check_sign_reply(application: Application, deadline: Deadline) -> None:
    _require_status(application, Status.IN_PROGRESS, doing="签发答复")
    if latest_reply_draft(application) is None:
        raise _refuse("尚无答复稿，请先拟写答复。")


def _check_record_delivery(application: Application, deadline: Deadline) -> None:
    if not application.events.filter(kind__in=NOTICE_EVENT_KINDS).exists():
        raise _refuse("该申请尚无需要送达的告知书。")


# (check, head only) per action, in the order the UI lists them.
ACTION_CHECKS: dict[str, tuple[Callable[[Application, Deadline], None], bool]] = {
    "application_confirm_receipt": (_check_confirm_receipt, False),
    "application_request_correction": (_check_request_correction, False),
    "application_receive_correction": (_check_receive_correction, False),
    "application_lapse_correction": (_check_lapse_correction, False),
    "application_start_consultation": (_check_start_consultation, False),
    "application_end_consultation": (_check_end_consultation, False),
    "application_extend": (_check_extend, True),
    "application_notify_fee": (_check_notify_fee, False),
    "application_record_payment": (_check_record_payment, False),
    "application_lapse_fee": (_check_lapse_fee, False),
    "application_withdraw": (_check_withdraw, False),
    "application_draft_reply": (_check_draft_reply, False),
    "application_sign_reply": (_check_sign_reply, True),
    "application_record_delivery": (_check_record_delivery, False),
}


def allowed_actions(application: Application, user: Actor) -> list[str]:
    """The service names `user` may call on `application` now (as of today), in a stable order."""
    if not can_act(user, application.agency):
        return []
    head = is_head(user, application.agency)
    deadline = compute_deadline(application)
    allowed = []
    for name, (check, head_only) in ACTION_CHECKS.items():
        if head_only and not head:
            continue
        try:
            check(application, deadline)
        except ActionRefused:
            continue
        allowed.append(name)
    return allowed


def correction_notice_deadline(application: Application) -> date | None:
    """The last day a correction may be requested: the 7th working day after receipt (条例第三十条);
    None under the 2007 条例, which set no such limit."""
    if application.received_on is None:
        return None
    days = regime_for(application.received_on).correction_notice_workdays
    if days is None:
        return None
    return add_workdays(application.received_on, days).date


# ---------------------------------------------------------------------------------------------------
# Intake


def _receipt_date(*, channel: str, letter_kind: str, received_on: date | None) -> date | None:
    """The date of receipt at intake (条例第三十一条), or None while it awaits confirmation."""
    if channel == Channel.IN_PERSON:
        # 当面提交的，以提交之日为收到申请之日.
        return received_on or _today()
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
        year = _today().year
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


@_service("application_register")
def application_register(
    *,
    actor: Actor,
    agency: Agency,
    channel: str,
    applicant_type: str,
    applicant_name: str,
    description: str,
    applicant_id_type: str = "",
    applicant_id_number: str = "",
    contact_person: str = "",
    phone: str = "",
    email: str = "",
    address: str = "",
    postcode: str = "",
    requested_form: str = "",
    delivery_method: str = "",
    letter_kind: str = "",
    received_on: date | None = None,
    submitted_at: datetime | None = None,
    note: str = "",
) -> NewApplication:
    """Register an application received by any channel (staff intake).

    The date of receipt follows 条例第三十一条: in person, the day of submission (`received_on`,
    default today); registered post, the day signed for (`received_on`, required); ordinary post,
    fax, online and other channels, the day both sides confirmed (`received_on`), or leave it empty
    and confirm later with `application_confirm_receipt` (status pending_receipt).
    Returns the application and its query code (to give to the applicant; it is not kept)."""
    require_act(actor, agency)
    applicant = clean_applicant(
        applicant_type=applicant_type,
        applicant_name=applicant_name,
        applicant_id_type=applicant_id_type,
        applicant_id_number=applicant_id_number,
        contact_person=contact_person,
        phone=phone,
        email=email,
        address=address,
        postcode=postcode,
        description=description,
        requested_form=requested_form,
        delivery_method=delivery_method,
    )
    channel, letter_kind = clean_channel(channel=channel, letter_kind=letter_kind)
    if received_on is not None:
        _check_date(received_on, "received_on", "收到申请日期")
    received = _receipt_date(channel=channel, letter_kind=letter_kind, received_on=received_on)
    if submitted_at is not None:
        _check_submitted_at(submitted_at)
    elif channel == Channel.IN_PERSON and received == _today():
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
    _record(
        created.application,
        kind=EventKind.REGISTERED,
        actor=actor,
        before={},
        effective_on=received,
        data={"channel": channel, "letter_kind": letter_kind, "number": created.application.number},
        note=note,
    )
    return created


@_service("application_submit_online")
def application_submit_online(
    *,
    agency: Agency,
    applicant_type: str,
    applicant_name: str,
    description: str,
    applicant_id_type: str = "",
    applicant_id_number: str = "",
    contact_person: str = "",
    phone: str = "",
    email: str = "",
    address: str = "",
    postcode: str = "",
    requested_form: str = "",
    delivery_method: str = "",
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
        _check_date(received_on, "received_on", "收到申请日期")
    applicant = clean_applicant(
        applicant_type=applicant_type,
        applicant_name=applicant_name,
        applicant_id_type=applicant_id_type,
        applicant_id_number=applicant_id_number,
        contact_person=contact_person,
        phone=phone,
        email=email,
        address=address,
        postcode=postcode,
        description=description,
        requested_form=requested_form,
        delivery_method=delivery_method,
    )
    submitted_at = _check_submitted_at(submitted_at or timezone.now())
    if received_on is not None:
        _not_before(received_on, timezone.localdate(submitted_at), "received_on", "收到日期", "提交日期")
    created = _create(
        agency=agency,
        channel=Channel.ONLINE,
        letter_kind="",
        source=source,
        received_on=received_on,
        submitted_at=submitted_at,
        applicant=applicant.as_fields(),
    )
    _record(
        created.application,
        kind=EventKind.SUBMITTED,
        actor=actor,
        before={},
        effective_on=received_on,
        data={"source": source, "number": created.application.number},
    )
    return created


@_service("application_confirm_receipt")
def application_confirm_receipt(*, actor: Actor, application: Application, received_on: date) -> Application:
    """Record the day both sides confirmed receipt of an online, fax, ordinary-post or other application
    (条例第三十一条); the reply period runs from it."""
    _lock(application)
    require_act(actor, application.agency)
    _check_confirm_receipt(application, compute_deadline(application))
    _check_date(received_on, "received_on", "收到申请日期")
    if application.submitted_at is not None:
        _not_before(
            received_on, timezone.localdate(application.submitted_at), "received_on", "收到日期", "提交日期"
        )
    before = _snapshot(application)
    application.received_on = received_on
    application.status = Status.IN_PROGRESS
    _record(
        application, kind=EventKind.RECEIPT_CONFIRMED, actor=actor, before=before, effective_on=received_on
    )
    return application


# ---------------------------------------------------------------------------------------------------
# Correction (补正, 条例第三十条)


@_service("application_request_correction")
def application_request_correction(
    *,
    actor: Actor,
    application: Application,
    notified_on: date,
    items: str,
    period_workdays: int,
    long_period_reason: str = "",
) -> Application:
    """Tell the applicant, once, what to correct and by when (条例第三十条): within 7 working days of
    receipt, with a correction period of `period_workdays` working days from the day the applicant
    receives the notice (as a rule at most 15; longer only with `long_period_reason`). The reply
    period stops until the corrected application arrives."""
    _lock(application)
    require_act(actor, application.agency)
    _check_request_correction(application, compute_deadline(application))
    _check_date(notified_on, "notified_on", "告知补正日期")
    _not_before(notified_on, application.received_on, "notified_on", "告知补正日期", "收到申请日期")
    last = correction_notice_deadline(application)
    if last is not None and notified_on > last:
        raise _refuse(
            f"告知补正须在收到申请之日起7个工作日内（条例第三十条），本申请最迟应于 {last.isoformat()} 告知。"
        )
    items = (items or "").strip()
    if not items:
        raise ValidationError({"items": "请写明需要补正的事项（条例第三十条：一次性告知）。"})
    if isinstance(period_workdays, bool) or not isinstance(period_workdays, int) or period_workdays < 1:
        raise ValidationError({"period_workdays": "补正期限应为不少于1个工作日的整数。"})
    if period_workdays > CORRECTION_PERIOD_RULE and not long_period_reason.strip():
        raise ValidationError(
            {
                "period_workdays": f"补正期限一般不超过{CORRECTION_PERIOD_RULE}个工作日；确需更长的，请说明理由。"
            }
        )
    before = _snapshot(application)
    application.status = Status.AWAITING_CORRECTION
    _record(
        application,
        kind=EventKind.CORRECTION_REQUESTED,
        actor=actor,
        before=before,
        effective_on=notified_on,
        data={
            "items": items,
            "period_workdays": period_workdays,
            "long_period_reason": long_period_reason.strip(),
        },
    )
    return application


def _corrected_description(application: Application, description: str) -> dict[str, str]:
    """Replace the description with the corrected one; the event keeps the previous text."""
    description = (description or "").strip()
    if not description or description == application.description:
        return {}
    previous = application.description
    application.description = description
    return {"previous_description": previous, "description": description}


@_service("application_submit_correction_online")
def application_submit_correction_online(
    *, application: Application, description: str, actor: Actor | None = None
) -> Application:
    """The applicant submits the corrected application on the status page (having opened it with its
    number and query code). Like any online application it counts as received on the day both sides
    confirm (条例第三十一条): staff confirm with `application_receive_correction`, and until then the
    application cannot lapse for want of a correction."""
    _lock(application)
    _check_receive_correction(application, compute_deadline(application))
    if not (description or "").strip():
        raise ValidationError({"description": "请填写补正后的申请内容。"})
    before = _snapshot(application)
    data = _corrected_description(application, description) or {"description": application.description}
    _record(
        application,
        kind=EventKind.CORRECTION_SUBMITTED,
        actor=actor,
        before=before,
        effective_on=_today(),
        data=data,
    )
    return application


@_service("application_receive_correction")
def application_receive_correction(
    *, actor: Actor, application: Application, received_on: date, description: str = "", note: str = ""
) -> Application:
    """Record the day the corrected application arrived (for one submitted online: the day receipt was
    confirmed); the reply period starts again, in full (条例第三十条). `description`, when given,
    replaces the application's description. A correction after the period is accepted too (the
    applicant may have had good reason, which staff judge); it is marked late."""
    _lock(application)
    require_act(actor, application.agency)
    deadline = compute_deadline(application)
    _check_receive_correction(application, deadline)
    _check_date(received_on, "received_on", "收到补正日期")
    request = _events(application, EventKind.CORRECTION_REQUESTED)[0]
    _not_before(received_on, request.effective_on, "received_on", "收到补正日期", "告知补正日期")
    submitted = _events(application, EventKind.CORRECTION_SUBMITTED)
    if submitted:
        _not_before(
            received_on, submitted[-1].effective_on, "received_on", "收到补正日期", "网上提交补正日期"
        )
    late = deadline.correction_due is not None and received_on > deadline.correction_due
    before = _snapshot(application)
    application.status = Status.IN_PROGRESS
    _record(
        application,
        kind=EventKind.CORRECTION_RECEIVED,
        actor=actor,
        before=before,
        effective_on=received_on,
        data={"late": late, **_corrected_description(application, description)},
        note=note,
    )
    return application


@_service("application_lapse_correction")
def application_lapse_correction(
    *, actor: Actor, application: Application, on: date | None = None, note: str = ""
) -> Application:
    """Close an application whose applicant did not correct it in time: 视为放弃申请 (条例第三十条),
    report row 三（六）1. Only after the correction period has run out."""
    _lock(application)
    require_act(actor, application.agency)
    deadline = compute_deadline(application)
    _check_lapse_correction(application, deadline)
    on = _check_date(on or _today(), "on", "处理日期")
    if deadline.correction_due is not None and on <= deadline.correction_due:
        raise _refuse(
            f"补正期限至 {deadline.correction_due.isoformat()} 届满，届满之后方可按逾期未补正处理。"
        )
    return _close(
        application,
        actor=actor,
        kind=EventKind.CORRECTION_LAPSED,
        on=on,
        result=Result.OTHER_NO_CORRECTION,
        note=note,
    )


def _close(
    application: Application,
    *,
    actor: Actor,
    kind: str,
    on: date,
    result: str,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> Application:
    before = _snapshot(application)
    application.status = Status.CLOSED
    application.closed_on = on
    application.result = result
    _record(
        application,
        kind=kind,
        actor=actor,
        before=before,
        effective_on=on,
        data=data or {"result": result},
        note=note,
    )
    return application


# ---------------------------------------------------------------------------------------------------
# Consultation (条例第三十二条, 第三十四条)


@_service("application_start_consultation")
def application_start_consultation(
    *,
    actor: Actor,
    application: Application,
    sent_on: date,
    party: str,
    kind: str = ConsultationKind.THIRD_PARTY,
    note: str = "",
) -> ApplicationEvent:
    """Send a consultation to a third party (第三十二条) or to a body that made the information jointly
    (第三十四条). The party has 15 working days to answer; the time until it answers, or until those
    days run out, is not counted in the reply period (第三十三条第三款). Returns the consultation's
    event, whose id `application_end_consultation` takes."""
    _lock(application)
    require_act(actor, application.agency)
    deadline = compute_deadline(application)
    _check_start_consultation(application, deadline)
    _check_date(sent_on, "sent_on", "发出征求意见日期")
    _not_before(sent_on, deadline.clock_start, "sent_on", "发出征求意见日期", "答复期限起算日")
    if kind not in ConsultationKind.values:
        raise ValidationError({"kind": "征求意见的对象应为第三方或其他机关。"})
    party = (party or "").strip()
    if not party:
        raise ValidationError({"party": "请填写征求意见的对象。"})
    before = _snapshot(application)
    application.status = Status.CONSULTING
    return _record(
        application,
        kind=EventKind.CONSULTATION_STARTED,
        actor=actor,
        before=before,
        effective_on=sent_on,
        data={"party": party, "kind": kind},
        note=note,
    )


@_service("application_end_consultation")
def application_end_consultation(
    *,
    actor: Actor,
    application: Application,
    answered_on: date,
    outcome: str,
    consultation_id: int | None = None,
    opinion: str = "",
) -> Application:
    """Record the answer to a consultation (`outcome`: agreed, objected, or no_answer when the 15
    working days passed without one — under 第三十四条 silence counts as consent). The reply period
    runs again from `answered_on`. `consultation_id` may be left out when only one is open."""
    _lock(application)
    require_act(actor, application.agency)
    _check_end_consultation(application, compute_deadline(application))
    open_ones = open_consultations(application)
    if consultation_id is None:
        if len(open_ones) != 1:
            raise ValidationError({"consultation_id": "有多项征求意见尚未结束，请指明是哪一项。"})
        consultation = open_ones[0]
    else:
        found = [e for e in open_ones if e.pk == consultation_id]
        if not found:
            raise ValidationError({"consultation_id": "该项征求意见不存在或已经结束。"})
        consultation = found[0]
    _check_date(answered_on, "answered_on", "收到意见日期")
    _not_before(answered_on, consultation.effective_on, "answered_on", "收到意见日期", "发出征求意见日期")
    if outcome not in CONSULTATION_OUTCOMES:
        raise ValidationError({"outcome": "征求意见结果应为同意公开、不同意公开或逾期未答复。"})
    before = _snapshot(application)
    if len(open_ones) == 1:
        application.status = Status.IN_PROGRESS
    _record(
        application,
        kind=EventKind.CONSULTATION_ENDED,
        actor=actor,
        before=before,
        effective_on=answered_on,
        data={"consultation": consultation.pk, "outcome": outcome, "opinion": opinion.strip()},
    )
    return application


# ---------------------------------------------------------------------------------------------------
# Extension (条例第三十三条第二款)


@_service("application_extend")
def application_extend(
    *,
    actor: Actor,
    application: Application,
    workdays: int,
    approved_on: date,
    notified_on: date,
    reason: str,
) -> Application:
    """Extend the reply period once, by at most 20 working days (15 under the 2007 条例), with the
    consent of the head of the disclosure office (the actor), notified to the applicant on
    `notified_on` — on or before the due date it extends (条例第三十三条第二款)."""
    _lock(application)
    require_act(actor, application.agency)
    require_head(actor, application.agency)
    deadline = compute_deadline(application)
    _check_extend(application, deadline)
    assert application.received_on is not None
    regime = regime_for(application.received_on)
    if (
        isinstance(workdays, bool)
        or not isinstance(workdays, int)
        or not 1 <= workdays <= regime.max_extension_workdays
    ):
        raise ValidationError(
            {
                "workdays": f"延长的期限应为1至{regime.max_extension_workdays}个工作日（{regime.reply_article}）。"
            }
        )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "请写明延期的理由。"})
    _check_date(approved_on, "approved_on", "负责人同意日期")
    _check_date(notified_on, "notified_on", "告知申请人日期")
    _not_before(approved_on, deadline.clock_start, "approved_on", "负责人同意日期", "答复期限起算日")
    _not_before(notified_on, approved_on, "notified_on", "告知申请人日期", "负责人同意日期")
    if deadline.due_date is not None and notified_on > deadline.due_date:
        raise _refuse(
            f"延期须在答复期限（{deadline.due_date.isoformat()}）届满前告知申请人（条例第三十三条），"
            f"{notified_on.isoformat()} 告知已经逾期。"
        )
    before = _snapshot(application)
    _record(
        application,
        kind=EventKind.EXTENDED,
        actor=actor,
        before=before,
        effective_on=notified_on,
        data={"workdays": workdays, "approved_on": approved_on.isoformat(), "reason": reason},
    )
    return application


# ---------------------------------------------------------------------------------------------------
# Fee (条例第四十二条, 国办函〔2020〕109号)


def fee_proposal(application: Application, *, method: str, pages: int | None = None) -> fees.FeeProposal:
    """What the system proposes for `application` by `method`; a `ValidationError` for bad input."""
    if method not in FeeMethod.values:
        raise ValidationError({"method": "计收方式应为按件计收或按量计收。"})
    if method == FeeMethod.BY_VOLUME and (isinstance(pages, bool) or not isinstance(pages, int) or pages < 1):
        raise ValidationError({"pages": "按量计收，请填写页数（正整数）。"})
    if application.received_on is None:
        raise ValidationError("尚未确认收到的申请不能收费。")
    return fees.propose_fee(application, method=method, pages=pages)


@_service("application_notify_fee")
def application_notify_fee(
    *,
    actor: Actor,
    application: Application,
    method: str,
    notified_on: date,
    pages: int | None = None,
    amount: int | None = None,
    waiver_reason: str = "",
) -> Application:
    """Decide the information processing fee and notify it. The system proposes the amount by `method`
    (`FeeMethod`: by count in the applicant's month, or by `pages`); staff charge that `amount` or less,
    a reduction (减免) needing `waiver_reason`. A fee notice stops the reply period until payment; a
    full waiver (amount 0) is recorded and stops nothing. Only while the reply period runs."""
    _lock(application)
    require_act(actor, application.agency)
    deadline = compute_deadline(application)
    _check_notify_fee(application, deadline)
    proposal = fee_proposal(application, method=method, pages=pages)
    if proposal.amount == 0:
        raise ValidationError({"method": f"按此方式计算不收费：{proposal.explanation}"})
    charged = proposal.amount if amount is None else amount
    if isinstance(charged, bool) or not isinstance(charged, int) or charged < 0:
        raise ValidationError({"amount": "收费金额应为不小于0的整数（元）。"})
    if charged > proposal.amount:
        raise ValidationError({"amount": f"收费金额不能超过按收费标准计算的{proposal.amount}元。"})
    waiver_reason = (waiver_reason or "").strip()
    if charged < proposal.amount and not waiver_reason:
        raise ValidationError({"waiver_reason": f"减免{proposal.amount - charged}元，请写明减免理由。"})
    _check_date(notified_on, "notified_on", "收费通知日期")
    _not_before(notified_on, deadline.clock_start, "notified_on", "收费通知日期", "答复期限起算日")
    if deadline.due_date is not None and notified_on > deadline.due_date:
        raise _refuse(f"收费通知应在答复期限（{deadline.due_date.isoformat()}）内发出。")
    data = {
        "method": proposal.method.value,
        "quantity": proposal.quantity,
        "proposed": proposal.amount,
        "amount": charged,
        "waiver": proposal.amount - charged,
        "waiver_reason": waiver_reason,
        "explanation": proposal.explanation,
    }
    before = _snapshot(application)
    if charged == 0:
        _record(
            application,
            kind=EventKind.FEE_WAIVED,
            actor=actor,
            before=before,
            effective_on=notified_on,
            data=data,
        )
        return application
    application.status = Status.AWAITING_PAYMENT
    _record(
        application,
        kind=EventKind.FEE_NOTIFIED,
        actor=actor,
        before=before,
        effective_on=notified_on,
        data=data,
    )
    return application


@_service("application_record_payment")
def application_record_payment(
    *, actor: Actor, application: Application, paid_on: date, note: str = ""
) -> Application:
    """Record the payment of the fee; the reply period runs again from `paid_on`."""
    _lock(application)
    require_act(actor, application.agency)
    deadline = compute_deadline(application)
    _check_record_payment(application, deadline)
    _check_date(paid_on, "paid_on", "缴费日期")
    notice = _events(application, EventKind.FEE_NOTIFIED)[-1]
    _not_before(paid_on, notice.effective_on, "paid_on", "缴费日期", "收费通知日期")
    late = deadline.payment_due is not None and paid_on > deadline.payment_due
    before = _snapshot(application)
    application.status = Status.IN_PROGRESS
    _record(
        application,
        kind=EventKind.FEE_PAID,
        actor=actor,
        before=before,
        effective_on=paid_on,
        data={"amount": notice.data.get("amount"), "late": late},
        note=note,
    )
    return application


@_service("application_lapse_fee")
def application_lapse_fee(
    *, actor: Actor, application: Application, on: date | None = None, note: str = ""
) -> Application:
    """Close an application whose fee was not paid within 20 working days from the day after the
    applicant received the fee notice: 视为放弃申请, report row 三（六）2."""
    _lock(application)
    require_act(actor, application.agency)
    deadline = compute_deadline(application)
    _check_lapse_fee(application, deadline)
    on = _check_date(on or _today(), "on", "处理日期")
    if deadline.payment_due is not None and on <= deadline.payment_due:
        raise _refuse(f"缴费期限至 {deadline.payment_due.isoformat()} 届满，届满之后方可按逾期未缴费处理。")
    return _close(
        application, actor=actor, kind=EventKind.FEE_LAPSED, on=on, result=Result.OTHER_FEE_UNPAID, note=note
    )


# ---------------------------------------------------------------------------------------------------
# Withdrawal, reply


@_service("application_withdraw")
def application_withdraw(
    *, actor: Actor, application: Application, withdrawn_on: date, note: str = ""
) -> Application:
    """Record that the applicant withdrew the application; it closes as 其他处理 (row 三（六）3)."""
    _lock(application)
    require_act(actor, application.agency)
    _check_withdraw(application, compute_deadline(application))
    _check_date(withdrawn_on, "withdrawn_on", "撤回日期")
    floor = application.received_on or (
        timezone.localdate(application.submitted_at) if application.submitted_at else None
    )
    _not_before(withdrawn_on, floor, "withdrawn_on", "撤回日期", "收到申请日期")
    return _close(
        application,
        actor=actor,
        kind=EventKind.WITHDRAWN,
        on=withdrawn_on,
        result=Result.OTHER_OTHER,
        note=note,
    )


@_service("application_draft_reply")
def application_draft_reply(
    *, actor: Actor, application: Application, result: str, reasons: str = ""
) -> ApplicationEvent:
    """Draft the reply: the decision (`Result`) and its reasons. A later draft replaces an earlier one;
    the head signs the latest with `application_sign_reply`. A refusal must give reasons (条例第三十六条
    （三）); 补正后申请内容仍不明确 needs a correction received first (条例第三十条)."""
    _lock(application)
    require_act(actor, application.agency)
    _check_draft_reply(application, compute_deadline(application))
    if result not in Result.values:
        raise ValidationError({"result": "请选择答复的处理结果。"})
    if result in LAPSE_RESULTS:
        raise ValidationError(
            {"result": "逾期不补正、逾期未缴费的申请，请用相应的“逾期”操作办结，不以答复办结。"}
        )
    if result == Result.UNAVAILABLE_UNCLEAR and not _has(application, EventKind.CORRECTION_RECEIVED):
        raise _refuse("“补正后申请内容仍不明确”仅适用于已告知补正并收到补正的申请（条例第三十条）。")
    reasons = (reasons or "").strip()
    if DECISIONS[Result(result)].reasons_required and not reasons:
        raise ValidationError({"reasons": "该处理结果须说明理由（条例第三十六条）。"})
    notice = reply_notice(application, result=result, reasons=reasons, replied_on=_today())
    return _record(
        application,
        kind=EventKind.REPLY_DRAFTED,
        actor=actor,
        before=_snapshot(application),
        data={"result": result, "reasons": reasons, "notice": notice.as_dict()},
    )


@_service("application_sign_reply")
def application_sign_reply(
    *, actor: Actor, application: Application, replied_on: date | None = None
) -> ApplicationEvent:
    """The head signs and issues the latest draft: the application closes on `replied_on` (default
    today) with the draft's decision. Returns the reply's event; `data["notice"]` holds the reply
    notice (`notices.ReplyNotice.as_dict()`)."""
    _lock(application)
    require_act(actor, application.agency)
    require_head(actor, application.agency)
    deadline = compute_deadline(application)
    _check_sign_reply(application, deadline)
    draft = latest_reply_draft(application)
    assert draft is not None
    replied = _check_date(replied_on or _today(), "replied_on", "答复日期")
    _not_before(replied, deadline.clock_start, "replied_on", "答复日期", "答复期限起算日")
    result = str(draft.data["result"])
    reasons = str(draft.data.get("reasons", ""))
    notice = reply_notice(application, result=result, reasons=reasons, replied_on=replied)
    before = _snapshot(application)
    application.status = Status.CLOSED
    application.closed_on = replied
    application.result = result
    return _record(
        application,
        kind=EventKind.REPLY_SIGNED,
        actor=actor,
        before=before,
        effective_on=replied,
        data={"result": result, "reasons": reasons, "draft": draft.pk, "notice": notice.as_dict()},
    )


# ---------------------------------------------------------------------------------------------------
# Delivery of notices (送达)


@_service("application_record_delivery")
def application_record_delivery(
    *,
    actor: Actor,
    application: Application,
    notice_event_id: int,
    method: str,
    delivered_on: date,
    proof: str,
) -> ApplicationEvent:
    """Record how and when a notice (correction, extension, fee or reply) was served on the applicant,
    with its proof (a signed receipt, a tracking number, the e-mail's record…). Also after closing.
    The correction period and the fee's payment period count from the day the notice was served."""
    _lock(application)
    require_act(actor, application.agency)
    _check_record_delivery(application, compute_deadline(application))
    notice = application.events.filter(pk=notice_event_id, kind__in=NOTICE_EVENT_KINDS).first()
    if notice is None:
        raise ValidationError({"notice_event_id": "该告知书不属于本申请，或不是需要送达的告知书。"})
    if method not in NoticeDelivery.values:
        raise ValidationError({"method": "请选择送达方式。"})
    _check_date(delivered_on, "delivered_on", "送达日期")
    _not_before(delivered_on, notice.effective_on, "delivered_on", "送达日期", "告知书日期")
    proof = (proof or "").strip()
    if not proof:
        raise ValidationError({"proof": "请填写送达凭证，如签收回执、邮件单号或电子邮件发送记录。"})
    return _record(
        application,
        kind=EventKind.DELIVERED,
        actor=actor,
        before=_snapshot(application),
        effective_on=delivered_on,
        data={"notice_event": notice.pk, "notice_kind": notice.kind, "method": method, "proof": proof},
    )


# ---------------------------------------------------------------------------------------------------
# Recomputing deadlines after the calendar changes

RECOMPUTE_CHUNK = 500


def application_recompute_open_due_dates(*, year: int | None = None, actor: Actor | None = None) -> int:
    """Recompute the stored deadline of every open application (after an administrator changes the
    calendar); with `year`, only those whose reply period runs through that year. Writes an event for
    each application whose due date or provisional mark changed, and returns how many changed."""
    open_ones = Application.objects.exclude(status=Status.CLOSED).exclude(received_on=None)
    if year is not None:
        # A period (receipt, due date] touches `year` when it starts before its end and ends in or after it.
        open_ones = open_ones.filter(received_on__lte=date(year, 12, 31), due_date__gte=date(year, 1, 1))
    changed = 0
    calendar = current_calendar()  # one snapshot for all: no version check per application
    with transaction.atomic():
        batch: list[Application] = []
        events: list[ApplicationEvent] = []
        user = actor if actor is not None and actor.is_authenticated else None
        for application in (
            open_ones.order_by("pk").prefetch_related("events").iterator(chunk_size=RECOMPUTE_CHUNK)
        ):
            before = _snapshot(application)
            deadline = compute_deadline(application, calendar=calendar)
            provisional = deadline.provisional if deadline.due_date else False
            if (deadline.due_date, provisional) == (application.due_date, application.due_date_provisional):
                continue
            application.due_date = deadline.due_date
            application.due_date_provisional = provisional
            batch.append(application)
            events.append(
                ApplicationEvent(
                    application=application,
                    kind=EventKind.DUE_DATE_RECOMPUTED,
                    actor=user,
                    before=before,
                    after=_snapshot(application),
                    data={"year": year},
                    note="节假日安排变更，重新计算答复期限",
                )
            )
            if len(batch) >= RECOMPUTE_CHUNK:
                changed += _flush(batch, events)
        changed += _flush(batch, events)
    return changed


def _flush(batch: list[Application], events: list[ApplicationEvent]) -> int:
    count = len(batch)
    if count:
        Application.objects.bulk_update(batch, ["due_date", "due_date_provisional"])
        ApplicationEvent.objects.bulk_create(events)
    batch.clear()
    events.clear()
    return count
