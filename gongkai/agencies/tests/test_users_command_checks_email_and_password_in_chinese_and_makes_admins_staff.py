"""`gongkai users add`: a malformed e-mail address is refused, every password problem is said in Chinese,
and a 系统管理员 can enter /admin/ (is_staff) without a further step."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from gongkai.agencies.services import agency_add

pytestmark = pytest.mark.django_db


def add(*args: str) -> None:
    call_command("users", "add", *args, stdout=StringIO(), stderr=StringIO())


@pytest.fixture(autouse=True)
def body() -> None:
    agency_add(code="NB", name="宁波市人民政府")


def test_a_malformed_email_is_refused() -> None:
    with pytest.raises(CommandError) as refused:
        add("chen", "--agency", "NB", "--role", "staff", "--password", "a-Long-pass-2026", "--email", "chen@")
    assert refused.value.returncode == 1 and "电子邮箱格式不正确：chen@" in str(refused.value)
    assert not User.objects.filter(username="chen").exists()


@pytest.mark.parametrize(
    ("password", "said"),
    [("123", "密码太短，至少需要 8 个字符"), ("password", "密码太常见"), ("73829105647", "密码不能全是数字")],
)
def test_password_problems_are_said_in_chinese(password: str, said: str) -> None:
    with pytest.raises(CommandError) as refused:
        add("chen", "--agency", "NB", "--role", "staff", "--password", password)
    assert said in str(refused.value)
    assert not any(word in str(refused.value) for word in ("password", "This", "characters"))


def test_an_administrator_can_enter_the_admin_at_once() -> None:
    add("root2", "--agency", "NB", "--role", "admin", "--password", "a-Long-pass-2026")
    user = User.objects.get(username="root2")
    assert user.is_staff
    client = Client()
    assert client.login(username="root2", password="a-Long-pass-2026")
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/agencies/agency/").status_code == 200
