"""The first part of a deadline: what happened to an application, read from its events into plain facts
(the correction, the consultations, the fee notices, the extension), with the day each notice reached the
applicant. `gongkai.applications.deadlines` counts on these facts; nothing here reads the calendar."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from gongkai.applications.models import Application, ApplicationEvent, EventKind


@dataclass(frozen=True)
class Correction:
    """A correction requested (条例第三十条); `received_on` once the corrected application arrived."""

    notified_on: date
    period_workdays: int
    notice_received_on: date  # the correction period counts from here
    received_on: date | None
    submitted_on: date | None  # submitted online, awaiting confirmation
    lapsed_on: date | None


@dataclass(frozen=True)
class Consultation:
    """A consultation of a third party or another body (条例第三十二条, 第三十四条)."""

    event_id: int
    sent_on: date
    party: str
    other_body: bool
    answered_on: date | None


@dataclass(frozen=True)
class FeeNotice:
    """A fee notice; `ended_on` when the fee was paid or the notice lapsed."""

    notified_on: date
    notice_received_on: date  # the payment period counts from here
    ended_on: date | None


@dataclass(frozen=True)
class Extension:
    """The extension (条例第三十三条第二款), notified on `notified_on`."""

    notified_on: date | None
    workdays: int
    approved_on: str


@dataclass(frozen=True)
class Timeline:
    received_on: date | None
    is_open: bool
    closed_on: date | None
    result: str
    correction: Correction | None
    consultations: tuple[Consultation, ...]
    fee_notices: tuple[FeeNotice, ...]
    extension: Extension | None


def deliveries(events: Sequence[ApplicationEvent]) -> dict[int, date]:
    """The first day each notice was served on the applicant, by the notice's event id."""
    served: dict[int, date] = {}
    for event in events:
        if event.kind == EventKind.DELIVERED and event.effective_on is not None:
            notice = int(event.data.get("notice_event", 0))
            if notice not in served or event.effective_on < served[notice]:
                served[notice] = event.effective_on
    return served


def notice_received_on(notice: ApplicationEvent, served: dict[int, date]) -> date:
    """The day the applicant received a notice: its recorded delivery, else the notice's own date."""
    assert notice.effective_on is not None
    return served.get(notice.pk, notice.effective_on)


def read_timeline(application: Application, events: Iterable[ApplicationEvent]) -> Timeline:
    """The facts of `application`'s events, in the order they happened."""
    ordered = sorted(events, key=lambda e: (e.at, e.pk or 0))
    served = deliveries(ordered)
    by_kind: dict[str, list[ApplicationEvent]] = {}
    for event in ordered:
        by_kind.setdefault(event.kind, []).append(event)

    def first(kind: str) -> ApplicationEvent | None:
        found = by_kind.get(kind)
        return found[0] if found else None

    correction = None
    requested = first(EventKind.CORRECTION_REQUESTED)
    if requested is not None:
        assert requested.effective_on is not None
        corrected = first(EventKind.CORRECTION_RECEIVED)
        submitted = by_kind.get(EventKind.CORRECTION_SUBMITTED)
        lapsed = first(EventKind.CORRECTION_LAPSED)
        correction = Correction(
            notified_on=requested.effective_on,
            period_workdays=int(requested.data.get("period_workdays", 0)),
            notice_received_on=notice_received_on(requested, served),
            received_on=corrected.effective_on if corrected is not None else None,
            submitted_on=submitted[-1].effective_on if submitted else None,
            lapsed_on=lapsed.effective_on if lapsed is not None else None,
        )

    ended_by_start = {
        int(e.data.get("consultation", 0)): e for e in by_kind.get(EventKind.CONSULTATION_ENDED, [])
    }
    consultations = []
    for event in by_kind.get(EventKind.CONSULTATION_STARTED, []):
        assert event.effective_on is not None
        ended = ended_by_start.get(event.pk)
        consultations.append(
            Consultation(
                event_id=event.pk,
                sent_on=event.effective_on,
                party=str(event.data.get("party", "")),
                other_body=event.data.get("kind") == "other_body",
                answered_on=ended.effective_on if ended is not None else None,
            )
        )

    paid = next((e for e in by_kind.get(EventKind.FEE_PAID, []) if e.effective_on), None)
    fee_lapsed = first(EventKind.FEE_LAPSED)
    fee_ended = paid.effective_on if paid else (fee_lapsed.effective_on if fee_lapsed else None)
    fee_notices = []
    for event in by_kind.get(EventKind.FEE_NOTIFIED, []):
        assert event.effective_on is not None
        fee_notices.append(
            FeeNotice(
                notified_on=event.effective_on,
                notice_received_on=notice_received_on(event, served),
                ended_on=fee_ended,
            )
        )

    extended = first(EventKind.EXTENDED)
    extension = None
    if extended is not None:
        extension = Extension(
            notified_on=extended.effective_on,
            workdays=int(extended.data.get("workdays", 0)),
            approved_on=str(extended.data.get("approved_on", "")),
        )
    return Timeline(
        received_on=application.received_on,
        is_open=application.is_open,
        closed_on=application.closed_on,
        result=application.result,
        correction=correction,
        consultations=tuple(consultations),
        fee_notices=tuple(fee_notices),
        extension=extension,
    )
