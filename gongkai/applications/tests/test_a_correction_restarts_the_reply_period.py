"""条例第三十条: while the applicant corrects the application no reply period runs; it starts again, in
full, on the day the corrected application is received — whatever time had already passed."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine

from gongkai.applications.deadlines import compute_deadline
from gongkai.applications.models import EventKind, Status
from gongkai.applications.services import (
    ActionRefused,
    application_lapse_correction,
    application_receive_correction,
    application_request_correction,
    application_submit_correction_online,
)
from gongkai.applications.tests.factories import SHANGHAI, Cast, make_cast, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def test_no_reply_period_runs_while_the_applicant_corrects(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_request_correction(
        actor=cast.staff,
        application=application,
        notified_on=date(2025, 3, 5),
        items="请写明文件名称或文号",
        period_workdays=10,
    )
    assert application.status == Status.AWAITING_CORRECTION
    assert application.due_date is None
    deadline = compute_deadline(application)
    assert deadline.waiting == "correction"
    assert deadline.correction_due == date(2025, 3, 19)
    assert "补正期限10个工作日，至 2025-03-19（周三）" in deadline.steps[1]


def test_the_period_restarts_in_full_from_the_corrected_receipt_after_partial_time(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    # Five working days had run (03-04 … 03-10) when the correction notice went out.
    application_request_correction(
        actor=cast.staff,
        application=application,
        notified_on=date(2025, 3, 10),
        items="请写明文件名称",
        period_workdays=10,
    )
    application_receive_correction(actor=cast.staff, application=application, received_on=date(2025, 3, 12))
    deadline = compute_deadline(application)
    assert application.status == Status.IN_PROGRESS
    assert deadline.clock_start == date(2025, 3, 12)
    # 20 full working days after 03-12, 清明节 (04-04) off: not 03-31 and not 20 − 5 days.
    assert application.due_date == deadline.due_date == date(2025, 4, 10)
    assert "补正：2025-03-10 告知补正，2025-03-12 收到补正，答复期限重新计算" in deadline.steps
    assert "第三十三条：自 2025-03-12 起20个工作日 → 2025-04-10（周四）" in deadline.steps


def test_a_correction_received_after_its_period_is_accepted_and_marked_late(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_request_correction(
        actor=cast.staff,
        application=application,
        notified_on=date(2025, 3, 5),
        items="请写明文件名称",
        period_workdays=5,
    )
    application_receive_correction(actor=cast.staff, application=application, received_on=date(2025, 3, 20))
    event = application.events.get(kind="correction_received")
    assert event.data == {"late": True}
    assert application.due_date == date(2025, 4, 18)


def test_a_correction_submitted_online_restarts_the_period_once_staff_confirm_it(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_request_correction(
        actor=cast.staff,
        application=application,
        notified_on=date(2025, 3, 5),
        items="请写明文件名称",
        period_workdays=10,
    )
    with time_machine.travel(datetime(2025, 3, 11, 20, tzinfo=SHANGHAI), tick=False):
        application_submit_correction_online(
            application=application, description="甬发改投资〔2024〕12号文件"
        )
    assert application.status == Status.AWAITING_CORRECTION
    assert application.description == "甬发改投资〔2024〕12号文件"
    submitted = application.events.get(kind=EventKind.CORRECTION_SUBMITTED)
    assert submitted.actor is None
    assert submitted.data["previous_description"] == "2024年宁波市重点建设项目计划的批准文件"
    assert "2025-03-11 申请人网上提交补正材料，待确认收到" in compute_deadline(application).steps
    # The correction period has run out meanwhile, but the applicant did correct: no lapse.
    with pytest.raises(ActionRefused, match="网上提交补正"):
        application_lapse_correction(actor=cast.staff, application=application)
    application_receive_correction(actor=cast.staff, application=application, received_on=date(2025, 3, 12))
    assert application.due_date == date(2025, 4, 10)


def test_the_applicant_cannot_correct_an_application_that_awaits_no_correction(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    with pytest.raises(ActionRefused):
        application_submit_correction_online(application=application, description="另一份文件")
    application.refresh_from_db()
    assert application.description == "2024年宁波市重点建设项目计划的批准文件"
