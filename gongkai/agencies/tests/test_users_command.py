from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.agencies.models import Membership
from gongkai.agencies.services import agency_add
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def body() -> None:
    agency_add(code="NB", name="宁波市人民政府", kind="government")


def test_it_adds_a_user_with_a_role_in_a_body_and_logs_it() -> None:
    call_command(
        "users", "add", "wang", "--agency", "NB", "--role", "staff", "--password", "Gongkai-2026-pass"
    )
    user = User.objects.get(username="wang")
    assert user.check_password("Gongkai-2026-pass")
    assert Membership.objects.filter(user=user, agency__code="NB", role="staff").exists()
    assert AuditLog.objects.filter(action__in=["user_create", "membership_grant"]).count() == 2


def test_a_weak_password_is_rejected_and_nothing_is_saved() -> None:
    with pytest.raises(CommandError) as raised:
        call_command("users", "add", "wang", "--agency", "NB", "--role", "staff", "--password", "123")
    assert raised.value.returncode == 1
    assert not User.objects.filter(username="wang").exists()


def test_an_unknown_body_is_rejected() -> None:
    with pytest.raises(CommandError) as raised:
        call_command(
            "users", "add", "wang", "--agency", "NOPE", "--role", "staff", "--password", "Gongkai-2026-pass"
        )
    assert raised.value.returncode == 1
    assert "机关不存在" in str(raised.value)


def test_grant_gives_an_existing_user_another_role() -> None:
    call_command("users", "add", "li", "--agency", "NB", "--role", "staff", "--password", "Gongkai-2026-pass")
    call_command("users", "grant", "li", "--agency", "NB", "--role", "head")
    assert set(Membership.objects.filter(user__username="li").values_list("role", flat=True)) == {
        "staff",
        "head",
    }


def test_grant_to_an_unknown_user_is_rejected() -> None:
    with pytest.raises(CommandError) as raised:
        call_command("users", "grant", "nobody", "--agency", "NB", "--role", "head")
    assert raised.value.returncode == 1
