"""What a body's records say about a year beyond the tables: how applications arrived, how promptly
they were answered, notices sent and fees collected. The overview (一、总体情况) and section 六 quote
these; the tables themselves come from `reports.counts`.

Every figure is one aggregate query over the bodies the report covers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Sum
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

from gongkai.applications.models import Application, ApplicationEvent, Channel, EventKind, Status

if TYPE_CHECKING:
    from gongkai.agencies.models import Agency


@dataclass
class YearFacts:
    received_by_channel: dict[str, int] = field(default_factory=dict)  # Channel value → count
    closed: int = 0  # closed in the year, with any result
    closed_after_extension: int = 0  # of those, after an extension (条例第三十三条第二款)
    closed_late: int = 0  # of those, after their due date
    open_overdue_at_year_end: int = 0
    corrections_requested: int = 0  # 补正 notices sent in the year (条例第三十条)
    consultations_started: int = 0  # 第三十二、三十四条
    fee_notices: int = 0
    fees_paid: int = 0  # applications whose fee was paid in the year
    fees_paid_yuan: int = 0  # 信息处理费 collected in the year, in 元 (国办函〔2020〕109号)
    fees_waived: int = 0

    @property
    def received(self) -> int:
        return sum(self.received_by_channel.values())

    @property
    def closed_on_time(self) -> int:
        return self.closed - self.closed_late


def year_facts(bodies: Sequence[Agency], year: int) -> YearFacts:
    start, end = date(year, 1, 1), date(year, 12, 31)
    facts = YearFacts()
    applications = Application.objects.filter(agency__in=bodies)

    for row in (
        applications.filter(received_on__gte=start, received_on__lte=end)
        .values("channel")
        .annotate(n=Count("pk"))
    ):
        facts.received_by_channel[row["channel"]] = row["n"]

    extended = ApplicationEvent.objects.filter(application=OuterRef("pk"), kind=EventKind.EXTENDED)
    closed = (
        applications.filter(closed_on__gte=start, closed_on__lte=end)
        .exclude(result="")
        .annotate(was_extended=Exists(extended))
        .aggregate(
            n=Count("pk"),
            extended=Count("pk", filter=Q(was_extended=True)),
            late=Count("pk", filter=Q(due_date__isnull=False, closed_on__gt=F("due_date"))),
        )
    )
    facts.closed, facts.closed_after_extension, facts.closed_late = (
        closed["n"],
        closed["extended"],
        closed["late"],
    )
    facts.open_overdue_at_year_end = (
        applications.filter(received_on__lte=end, due_date__lt=end)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=end))
        .exclude(status=Status.PENDING_RECEIPT)
        .count()
    )

    events = ApplicationEvent.objects.filter(
        application__agency__in=bodies, effective_on__gte=start, effective_on__lte=end
    )
    amount = Cast(KeyTextTransform("amount", "data"), IntegerField())
    counted = events.aggregate(
        corrections=Count("pk", filter=Q(kind=EventKind.CORRECTION_REQUESTED)),
        consultations=Count("pk", filter=Q(kind=EventKind.CONSULTATION_STARTED)),
        fee_notices=Count("pk", filter=Q(kind=EventKind.FEE_NOTIFIED)),
        fees_paid=Count("pk", filter=Q(kind=EventKind.FEE_PAID)),
        fees_waived=Count("pk", filter=Q(kind=EventKind.FEE_WAIVED)),
    )
    facts.corrections_requested = counted["corrections"]
    facts.consultations_started = counted["consultations"]
    facts.fee_notices = counted["fee_notices"]
    facts.fees_paid = counted["fees_paid"]
    facts.fees_waived = counted["fees_waived"]
    paid = events.filter(kind=EventKind.FEE_PAID).annotate(yuan=amount).aggregate(total=Sum("yuan"))
    facts.fees_paid_yuan = int(paid["total"] or 0)
    return facts


CHANNEL_WORDS: dict[str, str] = {
    Channel.ONLINE: "网络",
    Channel.LETTER: "信函",
    Channel.IN_PERSON: "当面",
    Channel.FAX: "传真",
    Channel.OTHER: "其他方式",
}
