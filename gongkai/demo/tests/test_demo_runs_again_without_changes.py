"""`scripts/run.sh` runs `gongkai demo` on every start: a second run changes nothing and prints the same
sign-in help; a database with other bodies is left alone; a load that fails leaves nothing behind."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.agencies.models import Agency
from gongkai.agencies.services import agency_add
from gongkai.appeals.models import AppealCase
from gongkai.applications.models import Application, ApplicationEvent
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return (
        Agency.objects.count(),
        User.objects.count(),
        Application.objects.count(),
        ApplicationEvent.objects.count(),
        AppealCase.objects.count(),
        AuditLog.objects.count(),
    )


def test_a_second_run_changes_nothing_and_prints_the_same_help(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("demo")
    first = capsys.readouterr()
    before = counts()
    call_command("demo")
    second = capsys.readouterr()
    assert counts() == before
    assert second.out == first.out
    assert "演示数据已存在，未作改动" in second.err


def test_a_database_with_other_bodies_is_left_alone(capsys: pytest.CaptureFixture[str]) -> None:
    agency_add(code="HZ", name="杭州市人民政府", kind="government")
    call_command("demo")
    captured = capsys.readouterr()
    assert "不加载演示数据" in captured.err
    assert captured.out == ""
    assert list(Agency.objects.values_list("code", flat=True)) == ["HZ"]
    assert not Application.objects.exists()


def test_a_load_that_fails_half_way_leaves_nothing_behind() -> None:
    # A user of the same name as a demo user makes the load fail after the bodies were added.
    User.objects.create_user(username="xs-head", password="x")
    with pytest.raises(CommandError) as raised:
        call_command("demo")
    assert raised.value.returncode == 1
    assert "演示数据加载失败，未作任何改动" in str(raised.value)
    assert "用户名已存在：xs-head" in str(raised.value)
    assert not Agency.objects.exists()
    assert User.objects.count() == 1
