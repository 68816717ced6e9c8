"""The fee (条例第四十二条, 国办函〔2020〕109号): proposed by the system, decided by staff with waivers
recorded; the time from the notice to payment is not counted; unpaid 20 working days from the day
after the applicant received the notice, the application ends (report row 三（六）2)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError

from gongkai.applications.deadlines import compute_deadline
from gongkai.applications.models import Application, EventKind, Result, Status
from gongkai.applications.services import (
    ActionRefused,
    application_lapse_fee,
    application_notify_fee,
    application_record_payment,
    fee_proposal,
)
from gongkai.applications.tests.factories import SHANGHAI, Cast, make_cast, register

pytestmark = pytest.mark.django_db


def at(day: date) -> time_machine.travel:
    return time_machine.travel(datetime(day.year, day.month, day.day, 10, tzinfo=SHANGHAI), tick=False)


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def notify(cast: Cast, application: Application, **changes: Any) -> Application:
    fields: dict[str, Any] = {
        "actor": cast.staff,
        "application": application,
        "method": "by_volume",
        "pages": 120,
        "notified_on": date(2025, 3, 10),
    }
    fields.update(changes)
    return application_notify_fee(**fields)


def test_by_count_the_eleventh_application_of_the_month_is_proposed_at_100_yuan(cast: Cast) -> None:
    applications = [register(cast, date(2025, 3, 3)) for _ in range(11)]
    register(cast, date(2025, 4, 1))  # another month
    assert fee_proposal(applications[9], method="by_count").amount == 0
    proposal = fee_proposal(applications[10], method="by_count")
    assert (proposal.quantity, proposal.amount) == (11, 100)
    assert proposal.explanation == "该申请人2025年3月向本机关提出的第11件申请，按件计收标准为每件100元。"


def test_another_applicant_s_applications_do_not_count(cast: Cast) -> None:
    for _ in range(10):
        register(cast, date(2025, 3, 3))
    someone_else = register(
        cast, date(2025, 3, 4), applicant_name="王五", applicant_id_number="330203198001011231"
    )
    assert fee_proposal(someone_else, method="by_count").quantity == 1


def test_a_fee_notice_stops_the_clock_until_payment(cast: Cast) -> None:
    application = notify(cast, register(cast, date(2025, 3, 3)))
    assert application.status == Status.AWAITING_PAYMENT
    assert application.due_date is None
    notice = application.events.get(kind=EventKind.FEE_NOTIFIED)
    assert notice.data["proposed"] == notice.data["amount"] == 70 * 10 + 20 * 20
    assert compute_deadline(application).payment_due == date(2025, 4, 8)

    application_record_payment(actor=cast.staff, application=application, paid_on=date(2025, 3, 17))
    assert application.status == Status.IN_PROGRESS
    # 03-31 plus the five working days 03-11 … 03-17.
    assert application.due_date == date(2025, 4, 8)


def test_a_reduced_fee_needs_a_reason_and_may_not_exceed_the_standard(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    with pytest.raises(ValidationError) as raised:
        notify(cast, application, amount=500)
    assert "减免" in raised.value.message_dict["waiver_reason"][0]
    with pytest.raises(ValidationError) as raised:
        notify(cast, application, amount=2000)
    assert "不能超过" in raised.value.message_dict["amount"][0]
    notify(cast, application, amount=500, waiver_reason="申请人为低保户")
    notice = application.events.get(kind=EventKind.FEE_NOTIFIED)
    assert (notice.data["waiver"], notice.data["waiver_reason"]) == (600, "申请人为低保户")


def test_a_full_waiver_is_recorded_and_stops_nothing(cast: Cast) -> None:
    application = notify(cast, register(cast, date(2025, 3, 3)), amount=0, waiver_reason="公益研究用途")
    assert application.status == Status.IN_PROGRESS
    assert application.due_date == date(2025, 3, 31)
    assert application.events.get(kind=EventKind.FEE_WAIVED).data["waiver"] == 1100


def test_no_notice_where_the_standard_charges_nothing(cast: Cast) -> None:
    with pytest.raises(ValidationError) as raised:
        notify(cast, register(cast, date(2025, 3, 3)), pages=30)
    assert "不收费" in raised.value.message_dict["method"][0]


def test_one_fee_decision_per_application(cast: Cast) -> None:
    application = notify(cast, register(cast, date(2025, 3, 3)))
    application_record_payment(actor=cast.staff, application=application, paid_on=date(2025, 3, 12))
    with pytest.raises(ActionRefused, match="一种方式"):
        notify(cast, application, method="by_count", notified_on=date(2025, 3, 13))


def test_applications_before_the_measures_took_effect_are_not_charged(cast: Cast) -> None:
    with pytest.raises(ActionRefused, match="2021年1月1日"):
        notify(cast, register(cast, date(2020, 12, 30)), notified_on=date(2021, 1, 5))


def test_unpaid_it_lapses_only_after_twenty_working_days_from_the_day_after_the_notice(cast: Cast) -> None:
    with at(date(2025, 3, 10)):
        application = notify(cast, register(cast, date(2025, 3, 3)))
    with at(date(2025, 4, 8)):
        with pytest.raises(ActionRefused, match="2025-04-08 届满"):
            application_lapse_fee(actor=cast.staff, application=application)
        assert application.status == Status.AWAITING_PAYMENT
    with at(date(2025, 4, 9)):
        application_lapse_fee(actor=cast.staff, application=application)
    assert (application.status, application.result, application.closed_on) == (
        Status.CLOSED,
        Result.OTHER_FEE_UNPAID,
        date(2025, 4, 9),
    )
