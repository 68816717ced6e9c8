"""An application's events as staff read them: what happened, the legal date, who recorded it, details."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from gongkai.applications import services
from gongkai.applications.models import (
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
)


@dataclass(frozen=True)
class Entry:
    event: ApplicationEvent
    label: str
    at: datetime
    effective_on: date | None
    actor: str
    details: list[str]


def _label(choices: Any, value: object) -> str:
    return str(choices(value).label) if value in choices.values else str(value or "")


def _details(event: ApplicationEvent) -> list[str]:  # noqa: C901 - one branch per kind of event
    data = event.data or {}
    kind = event.kind
    lines: list[str] = []
    if kind == EventKind.REGISTERED:
        channel = _label(Channel, data.get("channel"))
        letter = _label(LetterKind, data.get("letter_kind")) if data.get("letter_kind") else ""
        lines.append(f"申请方式：{channel}{'（' + letter + '）' if letter else ''}")
    elif kind == EventKind.SUBMITTED:
        lines.append(f"来源：{_label(Source, data.get('source'))}")
    elif kind == EventKind.CORRECTION_REQUESTED:
        lines.append(f"补正事项：{data.get('items', '')}")
        lines.append(f"补正期限：{data.get('period_workdays', '')}个工作日")
        if data.get("long_period_reason"):
            lines.append(f"期限较长的理由：{data['long_period_reason']}")
    elif kind in (EventKind.CORRECTION_SUBMITTED, EventKind.CORRECTION_RECEIVED):
        if data.get("late"):
            lines.append("逾期后收到补正")
        if data.get("description"):
            lines.append(f"补正后的申请内容：{data['description']}")
    elif kind == EventKind.CONSULTATION_STARTED:
        lines.append(f"{_label(ConsultationKind, data.get('kind'))}：{data.get('party', '')}")
    elif kind == EventKind.CONSULTATION_ENDED:
        lines.append(f"意见：{services.CONSULTATION_OUTCOMES.get(str(data.get('outcome')), '')}")
        if data.get("opinion"):
            lines.append(f"意见内容：{data['opinion']}")
    elif kind == EventKind.EXTENDED:
        lines.append(f"延长{data.get('workdays', '')}个工作日，负责人同意日期 {data.get('approved_on', '')}")
        lines.append(f"理由：{data.get('reason', '')}")
    elif kind in (EventKind.FEE_NOTIFIED, EventKind.FEE_WAIVED):
        lines.append(f"{_label(FeeMethod, data.get('method'))}：收费 {data.get('amount', 0)} 元")
        if data.get("explanation"):
            lines.append(str(data["explanation"]))
        if data.get("waiver"):
            lines.append(f"减免 {data['waiver']} 元：{data.get('waiver_reason', '')}")
    elif kind == EventKind.FEE_PAID:
        lines.append(f"缴纳 {data.get('amount', '')} 元{'（逾期缴纳）' if data.get('late') else ''}")
    elif kind in (EventKind.REPLY_DRAFTED, EventKind.REPLY_SIGNED):
        lines.append(f"处理结果：{_label(Result, data.get('result'))}")
        if kind == EventKind.REPLY_DRAFTED and data.get("reasons"):
            lines.append(f"理由：{data['reasons']}")
    elif kind == EventKind.DELIVERED:
        notice = _label(EventKind, data.get("notice_kind"))
        lines.append(f"{notice}：{_label(NoticeDelivery, data.get('method'))}，凭证：{data.get('proof', '')}")
    elif kind == EventKind.DUE_DATE_RECOMPUTED:
        before, after = event.before.get("due_date"), event.after.get("due_date")
        lines.append(f"答复期限 {before or '—'} → {after or '—'}")
    if event.note:
        lines.append(f"说明：{event.note}")
    return lines


def timeline(application: Application) -> list[Entry]:
    events = application.events.select_related("actor").order_by("at", "id")
    return [
        Entry(
            event=event,
            label=_label(EventKind, event.kind),
            at=event.at,
            effective_on=event.effective_on,
            actor=(event.actor.get_full_name() or event.actor.username) if event.actor else "申请人/系统",
            details=_details(event),
        )
        for event in events
    ]
