from __future__ import annotations

import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.agencies.models import Agency
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db


def test_it_adds_a_body_with_the_default_kind_and_level() -> None:
    call_command("agencies", "add", "NB", "宁波市人民政府", "--kind", "government", "--level", "prefecture")
    call_command("agencies", "add", "NB-FGW", "宁波市发展和改革委员会", "--parent", "NB")
    department = Agency.objects.get(code="NB-FGW")
    assert department.kind == Agency.Kind.DEPARTMENT
    assert department.level == Agency.Level.COUNTY
    assert department.parent == Agency.objects.get(code="NB")
    assert department.path == "/NB/NB-FGW/"


def test_it_logs_the_addition() -> None:
    call_command("agencies", "add", "NB", "宁波市人民政府")
    assert AuditLog.objects.filter(action="agency_add").count() == 1


def test_a_duplicate_code_is_rejected_with_exit_1() -> None:
    call_command("agencies", "add", "NB", "宁波市人民政府")
    with pytest.raises(CommandError) as raised:
        call_command("agencies", "add", "NB", "另一个机关")
    assert raised.value.returncode == 1
    assert "已存在" in str(raised.value)
    assert Agency.objects.get(code="NB").name == "宁波市人民政府"


def test_an_unknown_parent_is_rejected_with_exit_1() -> None:
    with pytest.raises(CommandError) as raised:
        call_command("agencies", "add", "X", "某局", "--parent", "NOPE")
    assert raised.value.returncode == 1
    assert not Agency.objects.filter(code="X").exists()


def test_the_command_line_prints_chinese_errors_and_exits_2_on_usage_errors(tmp_path: object) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "gongkai.cli", "agencies", "add"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert completed.returncode == 2
    assert "code" in completed.stderr


def test_a_body_reports_here_from_this_year_or_the_year_given() -> None:
    from django.utils import timezone

    call_command("agencies", "add", "NB", "宁波市人民政府")
    call_command(
        "agencies", "add", "NB-FGW", "宁波市发展和改革委员会", "--parent", "NB", "--reports-from", "2021"
    )
    assert Agency.objects.get(code="NB").reports_from == timezone.localdate().year
    assert Agency.objects.get(code="NB-FGW").reports_from == 2021


def test_a_reports_from_year_out_of_range_is_rejected_with_exit_1() -> None:
    with pytest.raises(CommandError) as raised:
        call_command("agencies", "add", "NB", "宁波市人民政府", "--reports-from", "2018")
    assert raised.value.returncode == 1
    assert "年度报告起始年度" in str(raised.value)
    assert not Agency.objects.exists()
