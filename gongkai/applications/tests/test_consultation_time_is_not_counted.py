"""条例第三十二、三十三、三十四条: the time a third party or another body takes to answer — from sending
to the answer, at most its 15 working days — is not counted in the reply period, also inside an
extension."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from gongkai.applications.deadlines import compute_deadline
from gongkai.applications.models import Status
from gongkai.applications.services import (
    application_end_consultation,
    application_extend,
    application_start_consultation,
)
from gongkai.applications.tests.factories import Cast, make_cast, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def test_the_working_days_from_sending_to_the_answer_are_added(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    sent = application_start_consultation(
        actor=cast.staff, application=application, sent_on=date(2025, 3, 20), party="宁波某置业有限公司"
    )
    assert application.status == Status.CONSULTING
    application_end_consultation(
        actor=cast.staff,
        application=application,
        answered_on=date(2025, 4, 2),
        outcome="objected",
        consultation_id=sent.pk,
    )
    assert application.status == Status.IN_PROGRESS
    deadline = compute_deadline(application)
    # 03-31 plus the 9 working days 03-21 … 04-02, with 清明节 (04-04) off.
    assert application.due_date == deadline.due_date == date(2025, 4, 14)
    assert (
        "征求第三方意见（宁波某置业有限公司） 2025-03-20 至 2025-04-02，不计入答复期限（9个工作日） → 2025-04-14（周一）"
        in deadline.steps
    )


def test_while_no_answer_has_come_the_party_s_fifteen_days_are_held_back(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_start_consultation(
        actor=cast.staff, application=application, sent_on=date(2025, 3, 20), party="第三方"
    )
    deadline = compute_deadline(application)
    assert deadline.consultation_due[application.events.get(kind="consultation_started").pk] == date(
        2025, 4, 11
    )
    assert application.due_date == date(2025, 4, 22)
    assert "尚未收到意见" in deadline.steps[2]


def test_an_answer_after_the_fifteen_days_counts_only_the_fifteen(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_start_consultation(
        actor=cast.staff, application=application, sent_on=date(2025, 3, 20), party="第三方"
    )
    application_end_consultation(
        actor=cast.staff, application=application, answered_on=date(2025, 4, 25), outcome="agreed"
    )
    assert application.due_date == date(2025, 4, 22)
    assert "超过15个工作日的部分计入答复期限" in compute_deadline(application).steps[2]


def test_a_consultation_inside_an_extension_is_not_counted_either(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_extend(
        actor=cast.head,
        application=application,
        workdays=20,
        approved_on=date(2025, 3, 27),
        notified_on=date(2025, 3, 28),
        reason="涉及档案较多，需要逐件检索",
    )
    assert application.due_date == date(2025, 4, 28)  # 2025-04-27 (Sunday) is a make-up working day
    application_start_consultation(
        actor=cast.staff,
        application=application,
        sent_on=date(2025, 4, 9),
        party="宁波市自然资源和规划局",
        kind="other_body",
    )
    application_end_consultation(
        actor=cast.staff, application=application, answered_on=date(2025, 4, 16), outcome="agreed"
    )
    # Five working days (04-10 … 04-16) not counted.
    assert application.due_date == date(2025, 5, 8)  # 05-01 … 05-05 劳动节
    steps = compute_deadline(application).steps
    assert "延期20个工作日（负责人批准 2025-03-27）→ 2025-04-28（周一）" in steps
    assert any(
        step.startswith("征求其他机关意见（宁波市自然资源和规划局） 2025-04-09 至 2025-04-16")
        for step in steps
    )


def test_overlapping_consultations_do_not_count_the_same_days_twice(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    first = application_start_consultation(
        actor=cast.staff, application=application, sent_on=date(2025, 3, 10), party="甲公司"
    )
    second = application_start_consultation(
        actor=cast.staff, application=application, sent_on=date(2025, 3, 12), party="乙公司"
    )
    application_end_consultation(
        actor=cast.staff,
        application=application,
        answered_on=date(2025, 3, 14),
        outcome="agreed",
        consultation_id=first.pk,
    )
    assert application.status == Status.CONSULTING
    application_end_consultation(
        actor=cast.staff,
        application=application,
        answered_on=date(2025, 3, 18),
        outcome="agreed",
        consultation_id=second.pk,
    )
    # 03-11 … 03-18: six working days, once.
    assert application.due_date == date(2025, 4, 9)


def test_with_two_open_consultations_the_one_answered_must_be_named(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_start_consultation(
        actor=cast.staff, application=application, sent_on=date(2025, 3, 10), party="甲公司"
    )
    application_start_consultation(
        actor=cast.staff, application=application, sent_on=date(2025, 3, 12), party="乙公司"
    )
    with pytest.raises(ValidationError) as raised:
        application_end_consultation(
            actor=cast.staff, application=application, answered_on=date(2025, 3, 14), outcome="agreed"
        )
    assert "请指明" in raised.value.message_dict["consultation_id"][0]
