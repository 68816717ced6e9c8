"""The demo's year of applications at 象山县自然资源和规划局 and 宁波市自然资源和规划局, in every state, made
through the application services (so events, deadlines and notices are real) with dates counted back from
today, and a few reconsideration and litigation cases about them."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.appeals.models import CaseKind, Outcome
from gongkai.appeals.services import appeal_case_decide, appeal_case_register
from gongkai.applications import services
from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.models import Application, NoticeDelivery, Result
from gongkai.demo.particulars import particulars
from gongkai.workdays.calendar import add_workdays, is_workday

SHANGHAI = ZoneInfo("Asia/Shanghai")

REASONS: dict[str, str] = {
    Result.PARTIALLY_DISCLOSED: "所申请信息中的被征收户姓名、身份证号码属于个人隐私，公开会损害第三方合法权益，已作区分处理，不予公开该部分。",
    Result.WITHHELD_THIRD_PARTY: "所申请信息涉及第三方商业秘密，经书面征求第三方意见，第三方不同意公开且理由合理。",
    Result.WITHHELD_PROCESS_INFO: "所申请信息为规划编制过程中的讨论稿、征求意见稿，属于过程性信息。",
    Result.OTHER_OTHER: "",
}


@dataclass
class Staff:
    staff: User
    head: User


@dataclass
class Loaded:
    """What the sign-in help prints: the sample application the status page can open."""

    sample_agency: str = ""
    sample_number: str = ""
    sample_query_code: str = ""
    counts: dict[str, int] = field(default_factory=dict)


def workdays_before(today: date, count: int) -> list[date]:
    """The `count` working days before today, latest first: [1st before, 2nd before, …]."""
    days: list[date] = []
    day = today
    while len(days) < count:
        day -= timedelta(days=1)
        if is_workday(day):
            days.append(day)
    return days


class Builder:
    """Makes the applications of one body through the services, as its staff and head would."""

    def __init__(
        self, agency: Agency, people: Staff, today: date, past_workdays: list[date], rng: random.Random
    ) -> None:
        self.agency, self.people, self.today, self.rng = agency, people, today, rng
        self.past_workdays = past_workdays
        self.counts: dict[str, int] = {}

    def back(self, n: int) -> date:
        """The n-th working day before today."""
        return self.past_workdays[n - 1]

    def particulars(self, *, company: bool = False) -> dict[str, Any]:
        return particulars(self.rng, self.today.year - 1, company=company)

    def receive(self, on: date, *, channel: str = "", company: bool = False) -> tuple[Application, str]:
        """An application received on `on` by a channel of the 条例第三十一条."""
        channel = channel or self.rng.choice(["in_person", "in_person", "letter", "online"])
        fields = self.particulars(company=company)
        if channel == "online":
            # Submitted the evening before; staff confirm with the applicant the next working day.
            evening = datetime.combine(workdays_before(on, 1)[0], time(20, 15), tzinfo=SHANGHAI)
            created = services.application_submit_online(
                agency=self.agency, submitted_at=evening, applicant=ApplicantDetails(**fields)
            )
            services.application_confirm_receipt(
                actor=self.people.staff, application=created.application, received_on=on
            )
            return created.application, created.query_code
        extra: dict[str, Any] = {"letter_kind": "registered"} if channel == "letter" else {}
        created = services.application_register(
            actor=self.people.staff,
            agency=self.agency,
            channel=channel,
            received_on=on,
            applicant=ApplicantDetails(**fields),
            **extra,
        )
        return created.application, created.query_code

    def reply(self, application: Application, result: str, on: date, *, deliver: bool = True) -> None:
        services.application_draft_reply(
            actor=self.people.staff, application=application, result=result, reasons=REASONS.get(result, "")
        )
        event = services.application_sign_reply(
            actor=self.people.head, application=application, replied_on=on
        )
        if deliver:
            post = application.delivery_method == "post"
            services.application_record_delivery(
                actor=self.people.staff,
                application=application,
                notice_event_id=event.pk,
                method=NoticeDelivery.POST if post else NoticeDelivery.IN_PERSON,
                delivered_on=min(self.today, on + timedelta(days=2 if post else 0)),
                proof=f"EMS {self.rng.randrange(10**12, 10**13)}" if post else "申请人签收回执",
            )
        self.count(result)

    def count(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1

    def closed_year(self, how_many: int) -> None:
        """Applications received over the past year and answered in 5–18 working days."""
        results = [
            Result.DISCLOSED,
            Result.DISCLOSED,
            Result.DISCLOSED,
            Result.PARTIALLY_DISCLOSED,
            Result.UNAVAILABLE_NOT_HELD,
            Result.UNAVAILABLE_NOT_HELD,
            Result.UNAVAILABLE_NEEDS_CREATION,
            Result.WITHHELD_PROCESS_INFO,
            Result.NOT_PROCESSED_DUPLICATE,
            Result.NOT_PROCESSED_PETITION,
        ]
        for index in range(how_many):
            # Spread over the year, the oldest first, leaving the last six weeks to the open ones.
            received = self.back(30 + (how_many - index) * 220 // how_many)
            application, _ = self.receive(received, company=self.rng.random() < 0.25)
            self.reply(
                application, self.rng.choice(results), add_workdays(received, self.rng.randint(5, 18)).date
            )


def build_xs(builder: Builder) -> Loaded:
    """象山县自然资源和规划局: every state an application can be in, and the sample for the status page."""
    b, staff, head = builder, builder.people.staff, builder.people.head
    b.closed_year(16)

    # Closed after a correction: 补正后仍不明确 (条例第三十条), only possible after a correction.
    application, _ = b.receive(b.back(120))
    services.application_request_correction(
        actor=staff,
        application=application,
        notified_on=b.back(118),
        items="请写明所需批准文件的文号或地块位置。",
        period_workdays=10,
    )
    services.application_receive_correction(actor=staff, application=application, received_on=b.back(112))
    b.reply(application, Result.UNAVAILABLE_UNCLEAR, b.back(100))

    # No correction in time: 视为放弃申请 (report row 三（六）1).
    application, _ = b.receive(b.back(90))
    services.application_request_correction(
        actor=staff,
        application=application,
        notified_on=b.back(88),
        items="请提供申请人身份证明复印件。",
        period_workdays=10,
    )
    services.application_lapse_correction(actor=staff, application=application, on=b.back(70))
    b.count(Result.OTHER_NO_CORRECTION)

    # A third party consulted, then withheld (条例第三十二条): the consultation time is not counted.
    consulted, _ = b.receive(b.back(80), company=True)
    services.application_start_consultation(
        actor=staff, application=consulted, sent_on=b.back(75), party="宁波港城房地产开发有限公司"
    )
    services.application_end_consultation(
        actor=staff, application=consulted, answered_on=b.back(66), outcome="objected"
    )
    b.reply(consulted, Result.WITHHELD_THIRD_PARTY, b.back(60))

    # Extended with the head's consent (条例第三十三条第二款), answered within the longer period.
    application, _ = b.receive(b.back(64))
    services.application_extend(
        actor=head,
        application=application,
        workdays=15,
        approved_on=b.back(47),
        notified_on=b.back(46),
        reason="所申请信息涉及多个年度的档案，需要调取和审核。",
    )
    b.reply(application, Result.PARTIALLY_DISCLOSED, b.back(36))

    # A fee notice left unpaid (国办函〔2020〕109号): ends as row 三（六）2.
    application, _ = b.receive(b.back(62), company=True)
    services.application_notify_fee(
        actor=staff, application=application, method="by_volume", pages=150, notified_on=b.back(58)
    )
    services.application_lapse_fee(actor=staff, application=application, on=b.back(30))
    b.count(Result.OTHER_FEE_UNPAID)

    # Withdrawn by the applicant (row 三（六）3).
    application, _ = b.receive(b.back(40))
    services.application_withdraw(actor=staff, application=application, withdrawn_on=b.back(37))
    b.count("withdrawn")

    # Answered late: the record shows it.
    late, _ = b.receive(b.back(50))
    b.reply(late, Result.DISCLOSED, b.back(27))

    # Open, in every state, relative to today.
    b.receive(b.back(2), channel="in_person")  # plenty of time
    b.receive(b.back(6), channel="letter")
    b.receive(b.back(16), channel="in_person")  # due within 5 working days
    b.receive(b.back(22), channel="in_person")  # overdue
    pending = services.application_submit_online(
        agency=b.agency,
        submitted_at=timezone.now() - timedelta(hours=3),
        applicant=ApplicantDetails(**b.particulars()),
    )
    assert pending.application.received_on is None  # 待确认收到 (条例第三十一条)
    application, _ = b.receive(b.back(9), channel="online")
    services.application_start_consultation(
        actor=staff, application=application, sent_on=b.back(5), party="象山海韵水产有限公司"
    )
    application, _ = b.receive(b.back(7), channel="letter", company=True)
    services.application_notify_fee(
        actor=staff, application=application, method="by_volume", pages=120, notified_on=b.back(2)
    )
    application, _ = b.receive(b.back(21), channel="in_person")
    services.application_extend(
        actor=head,
        application=application,
        workdays=15,
        approved_on=b.back(3),
        notified_on=b.back(3),
        reason="需要征询县农业农村局意见并调取历年档案。",
    )
    application, _ = b.receive(b.back(12), channel="in_person")
    services.application_request_correction(
        actor=staff,
        application=application,
        notified_on=b.back(10),
        items="请明确所需信息对应的年份。",
        period_workdays=10,
    )
    services.application_receive_correction(actor=staff, application=application, received_on=b.back(6))

    # The sample: awaiting a correction the applicant can submit on the status page.
    sample, code = b.receive(b.back(4), channel="in_person")
    services.application_request_correction(
        actor=staff,
        application=sample,
        notified_on=b.back(2),
        items="请写明所需文件的名称、文号或者形成时间，便于查找。",
        period_workdays=10,
    )

    # Reconsideration and litigation about this body's replies (table 四).
    upheld = appeal_case_register(
        agency=b.agency,
        kind=CaseKind.RECONSIDERATION,
        application=consulted,
        actor=staff,
        filed_on=b.back(50),
        copy_received_on=b.back(48),
        response_submitted_on=b.back(42),
        case_number=f"象政复〔{b.back(50).year}〕{b.rng.randrange(10, 99)}号",
        authority="象山县人民政府",
    )
    appeal_case_decide(case=upheld, outcome=Outcome.UPHELD, decided_on=b.back(20), actor=staff)
    appeal_case_register(
        agency=b.agency,
        kind=CaseKind.LITIGATION_DIRECT,
        application=late,
        actor=staff,
        filed_on=b.back(15),
        copy_received_on=b.back(12),
        case_number=f"（{b.back(15).year}）浙0225行初{b.rng.randrange(100, 999)}号",
        authority="象山县人民法院",
    )
    return Loaded(
        sample_agency=b.agency.name, sample_number=sample.number, sample_query_code=code, counts=b.counts
    )


def build_nb(builder: Builder) -> None:
    """宁波市自然资源和规划局: a quieter year, with one overdue case for the supervising office to see."""
    b = builder
    b.closed_year(6)
    b.receive(b.back(3), channel="online")
    b.receive(b.back(24), channel="in_person")  # overdue
    application, _ = b.receive(b.back(45))
    b.reply(application, Result.UNAVAILABLE_NOT_HELD, b.back(30))
    appeal_case_register(
        agency=b.agency,
        kind=CaseKind.RECONSIDERATION,
        application=application,
        actor=b.people.staff,
        filed_on=b.back(8),
        copy_received_on=b.back(6),
        authority="宁波市人民政府",
        case_number=f"甬政复〔{b.back(8).year}〕{b.rng.randrange(100, 999)}号",
    )


def build_last_year(builder: Builder, how_many: int) -> None:
    """Applications received and answered in the year just ended: the figures of the body's annual report
    on it (`gongkai.demo.reports`), whatever the day the demo is loaded."""
    builder.closed_year(how_many)
