from __future__ import annotations

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command

from gongkai.agencies.services import agency_add
from gongkai.applications.models import Application

pytestmark = pytest.mark.django_db

HEADER = "受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果"


def _import(tmp_path: Path, *rows: str) -> None:
    agency_add(code="XS-ZRZY", name="象山县自然资源和规划局")
    path = tmp_path / "r.csv"
    path.write_text("\n".join([HEADER, *rows]), encoding="utf-8")
    call_command("applications", "import", str(path), "--agency", "XS-ZRZY", stdout=StringIO())


def test_an_open_application_is_due_20_working_days_after_receipt(tmp_path: Path) -> None:
    # 2025-09-28 (Sunday) and 10-11 (Saturday) are working days; 10-01 to 10-08 are holidays.
    _import(tmp_path, "A-1,自然人,2025-09-26,网络,某文件,,")
    application = Application.objects.get()
    assert application.due_date == date(2025, 10, 30)
    assert not application.due_date_provisional


def test_under_the_2007_regulation_it_was_15_working_days(tmp_path: Path) -> None:
    _import(tmp_path, "A-1,自然人,2019-05-14,当面,某文件,,", "A-2,自然人,2019-05-15,当面,某文件,,")
    assert Application.objects.get(number="A-1").due_date == date(2019, 6, 4)
    # From 2019-05-15 the 2019 条例: 20 working days (2019-06-07 was 端午节).
    assert Application.objects.get(number="A-2").due_date == date(2019, 6, 13)


@time_machine.travel(date(2027, 1, 8))
def test_a_deadline_running_into_a_year_without_an_official_calendar_is_provisional(tmp_path: Path) -> None:
    _import(tmp_path, "A-1,自然人,2026-12-21,网络,某文件,,")
    application = Application.objects.get()
    assert application.due_date_provisional
    assert application.due_date is not None and application.due_date.year == 2027
