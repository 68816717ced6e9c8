"""The probe's 30 wrong passwords: after a few failures the account, and the address they came from, are
locked for a while (the right password too), the page says so in Chinese, and every failure and the
lockout are in the audit log."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db

PASSWORD = "a-Long-enough-passphrase-2026"


@pytest.fixture
def wang() -> User:
    return User.objects.create_user("wang", password=PASSWORD)


def log_in(client: Client, username: str, password: str) -> tuple[int, str]:
    response = client.post("/staff/login/", {"username": username, "password": password})
    return response.status_code, response.content.decode()


def test_thirty_wrong_passwords_lock_the_account_and_the_right_one_is_refused(wang: User) -> None:
    client = Client(REMOTE_ADDR="203.0.113.7")
    statuses = [log_in(client, "wang", f"guess-{n}")[0] for n in range(30)]
    assert statuses[: settings.AXES_FAILURE_LIMIT - 1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert set(statuses[settings.AXES_FAILURE_LIMIT :]) == {429}
    status, html = log_in(client, "wang", PASSWORD)
    assert status == 429
    assert "登录失败次数过多" in html and "分钟后再试" in html
    assert "_auth_user_id" not in client.session


def test_the_account_is_locked_from_another_address_too(wang: User) -> None:
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(Client(REMOTE_ADDR=f"198.51.100.{n + 1}"), "wang", "wrong")
    status, _ = log_in(Client(REMOTE_ADDR="192.0.2.200"), "wang", PASSWORD)
    assert status == 429


def test_an_address_trying_many_accounts_is_locked_for_every_account(wang: User) -> None:
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(attacker, f"user{n}", "wrong")
    assert log_in(attacker, "wang", PASSWORD)[0] == 429
    # wang at his own desk is not affected.
    assert log_in(Client(REMOTE_ADDR="192.0.2.10"), "wang", PASSWORD)[0] == 302


def test_the_lock_ends_after_the_cool_off_time(wang: User) -> None:
    client = Client(REMOTE_ADDR="203.0.113.7")
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for n in range(settings.AXES_FAILURE_LIMIT):
            log_in(client, "wang", f"guess-{n}")
        assert log_in(client, "wang", PASSWORD)[0] == 429
        clock.shift(settings.AXES_COOLOFF_TIME + timedelta(minutes=1))
        assert log_in(client, "wang", PASSWORD)[0] == 302


def test_every_failure_and_the_lockout_are_in_the_audit_log(wang: User) -> None:
    client = Client(REMOTE_ADDR="203.0.113.7")
    for n in range(settings.AXES_FAILURE_LIMIT + 1):
        log_in(client, "wang", f"guess-{n}")
    failures = AuditLog.objects.filter(action="login_failed", outcome=AuditLog.Outcome.REFUSED)
    assert failures.count() == settings.AXES_FAILURE_LIMIT + 1
    assert all(entry.detail["username"] == "wang" for entry in failures)
    assert all(entry.detail["address"] == "203.0.113.7" for entry in failures)
    lockout = AuditLog.objects.filter(action="login_locked_out").order_by("id").first()
    assert lockout is not None
    assert "wang" in lockout.message and lockout.detail["address"] == "203.0.113.7"


def test_the_admin_login_is_locked_as_well(wang: User) -> None:
    wang.is_staff = True
    wang.save()
    client = Client(REMOTE_ADDR="203.0.113.7")
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "wang", "password": f"guess-{n}"})
    response = client.post("/admin/login/", {"username": "wang", "password": PASSWORD})
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()


def test_a_success_is_logged_and_starts_the_count_afresh(wang: User) -> None:
    client = Client(REMOTE_ADDR="203.0.113.7")
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "wang", f"typo-{n}")
    assert log_in(client, "wang", PASSWORD)[0] == 302
    assert AuditLog.objects.filter(action="login", actor=wang).exists()
    client.post("/staff/logout/")
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "wang", f"typo-again-{n}")
    assert log_in(client, "wang", PASSWORD)[0] == 302
