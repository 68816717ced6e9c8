"""`gongkai applications remind` e-mails the staff and head of each body the list of its open applications
that are overdue or due within 5 working days, each body only its own, and prints a summary."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from gongkai.applications.models import Application, Result
from gongkai.applications.services import application_draft_reply, application_sign_reply
from gongkai.applications.tests.factories import SHANGHAI, Cast, make_agency, make_cast, make_user, register
from gongkai.core.models import ReminderLog

pytestmark = pytest.mark.django_db

TODAY = date(2025, 4, 1)  # a Tuesday


@pytest.fixture(autouse=True)
def tuesday() -> Any:
    with time_machine.travel(datetime(2025, 4, 1, 10, tzinfo=SHANGHAI), tick=False):
        yield


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def remind(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    call_command("applications", "remind", *args)
    return capsys.readouterr().out


def test_staff_and_head_get_the_overdue_and_due_soon_applications(
    cast: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    overdue = register(cast, date(2025, 3, 3))  # due Monday 31 March
    due_soon = register(cast, date(2025, 3, 10))  # due Tuesday 8 April (清明 4 April)
    with_time = register(cast, date(2025, 3, 31))  # due 29 April
    closed = register(cast, date(2025, 3, 3))
    application_draft_reply(actor=cast.staff, application=closed, result=Result.DISCLOSED)
    application_sign_reply(actor=cast.head, application=closed, replied_on=date(2025, 3, 28))

    out = remind(capsys, "--date", TODAY.isoformat())

    assert sorted(message.to[0] for message in mail.outbox) == ["li@example.cn", "wang@example.cn"]
    message = mail.outbox[0]
    assert (
        message.subject
        == "【政府信息公开到期提醒】宁波市发展和改革委员会：已逾期 1 件，即将到期 1 件（2025-04-01）"
    )
    assert f"受理编号 {overdue.number}，办理中，答复期限 2025-03-31，已逾期 1 个工作日" in message.body
    assert f"受理编号 {due_soon.number}，办理中，答复期限 2025-04-08，还剩 4 个工作日" in message.body
    assert f"/staff/applications/{overdue.pk}/" in message.body
    assert with_time.number not in message.body and closed.number not in message.body
    assert "NB-FGW\t宁波市发展和改革委员会\t已逾期 1 件，即将到期 1 件\t已发送给 li、wang" in out
    assert "涉及 1 个机关，已发送 1 个" in out
    log = ReminderLog.objects.get()
    assert (log.agency, log.date, log.overdue, log.due_soon) == (cast.agency, TODAY, 1, 1)
    assert log.recipients == ["li@example.cn", "wang@example.cn"]


def test_each_body_s_staff_see_only_their_own_applications(
    cast: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    ours = register(cast, date(2025, 3, 3))
    other = make_agency("NB-JTJ", "宁波市交通运输局", parent=cast.agency.parent)
    sun = make_user("sun", other, "staff")
    theirs: Application = register(Cast(other, sun, sun, sun, sun), date(2025, 3, 5))

    remind(capsys, "--date", TODAY.isoformat())

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"li@example.cn", "wang@example.cn", "sun@example.cn"}
    assert "宁波市交通运输局" in by_recipient["sun@example.cn"].subject
    assert f"/staff/applications/{theirs.pk}/" in by_recipient["sun@example.cn"].body
    assert f"/staff/applications/{ours.pk}/" not in by_recipient["sun@example.cn"].body
    assert f"/staff/applications/{theirs.pk}/" not in by_recipient["wang@example.cn"].body
    # The supervising office reads, it does not act: it gets no daily list.
    assert "qian@example.cn" not in by_recipient


def test_a_body_whose_staff_have_no_e_mail_is_reported(
    cast: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    register(cast, date(2025, 3, 3))
    cast.staff.email = cast.head.email = ""
    cast.staff.save()
    cast.head.save()
    out = remind(capsys, "--date", TODAY.isoformat())
    assert mail.outbox == []
    assert "无收件人" in out
    assert not ReminderLog.objects.exists()


def test_a_day_without_anything_due_sends_nothing(cast: Cast, capsys: pytest.CaptureFixture[str]) -> None:
    register(cast, date(2025, 3, 31))
    out = remind(capsys, "--date", TODAY.isoformat())
    assert mail.outbox == []
    assert "涉及 0 个机关" in out
