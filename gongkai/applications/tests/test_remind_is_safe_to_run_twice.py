"""The reminder is meant for cron: a second run on the same day sends nothing (each body's reminder is
claimed once per day), the next day sends again, and --dry-run neither sends nor claims."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from pytest_django.fixtures import Settings

from gongkai.applications.tests.factories import SHANGHAI, Cast, make_cast, register
from gongkai.core.models import ReminderLog

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def tuesday() -> Any:
    with time_machine.travel(datetime(2025, 4, 1, 10, tzinfo=SHANGHAI), tick=False):
        yield


@pytest.fixture
def cast() -> Cast:
    cast = make_cast()
    register(cast, date(2025, 3, 3))  # overdue from 1 April
    return cast


def remind(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    call_command("applications", "remind", *args)
    return capsys.readouterr().out


def test_a_second_run_on_the_same_day_sends_nothing(cast: Cast, capsys: pytest.CaptureFixture[str]) -> None:
    remind(capsys, "--date", "2025-04-01")
    assert len(mail.outbox) == 2
    out = remind(capsys, "--date", "2025-04-01")
    assert len(mail.outbox) == 2
    assert "今日已发送过，跳过" in out
    assert "今日已发过 1 个" in out
    assert ReminderLog.objects.count() == 1


def test_the_next_day_sends_again(cast: Cast, capsys: pytest.CaptureFixture[str]) -> None:
    remind(capsys, "--date", "2025-04-01")
    remind(capsys, "--date", "2025-04-02")
    assert len(mail.outbox) == 4
    assert list(ReminderLog.objects.order_by("date").values_list("date", flat=True)) == [
        date(2025, 4, 1),
        date(2025, 4, 2),
    ]


def test_the_date_defaults_to_today(cast: Cast, capsys: pytest.CaptureFixture[str]) -> None:
    out = remind(capsys)
    assert out.startswith("NB-FGW")
    assert ReminderLog.objects.get().date == date(2025, 4, 1)


def test_a_dry_run_prints_the_recipients_and_neither_sends_nor_claims(
    cast: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    out = remind(capsys, "--date", "2025-04-01", "--dry-run")
    assert "将发送给 li、wang" in out
    assert mail.outbox == []
    assert not ReminderLog.objects.exists()
    remind(capsys, "--date", "2025-04-01")
    assert len(mail.outbox) == 2


def test_a_failed_send_gives_the_day_back_for_the_next_run(
    cast: Cast, capsys: pytest.CaptureFixture[str], settings: Settings
) -> None:
    # A real SMTP connection to a port where nothing listens.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    out = remind(capsys, "--date", "2025-04-01")
    assert "发送失败" in out and "发送失败 1 个" in out
    assert not ReminderLog.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    remind(capsys, "--date", "2025-04-01")
    assert len(mail.outbox) == 2
    assert ReminderLog.objects.count() == 1


def test_a_malformed_date_is_a_usage_error() -> None:
    with pytest.raises(CommandError) as raised:
        call_command("applications", "remind", "--date", "1/4/2025")
    assert raised.value.returncode == 2
    assert "日期格式应为 YYYY-MM-DD" in str(raised.value)
