from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.agencies.services import agency_add
from gongkai.applications.models import Application, ApplicationEvent
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db

HEADER = "受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果"


def test_one_bad_row_among_many_imports_nothing_and_every_bad_row_is_listed(tmp_path: Path) -> None:
    agency_add(code="XS-ZRZY", name="象山县自然资源和规划局")
    rows = [f"N-{i},自然人,2025-03-03,网络,文件{i},2025-03-20,予以公开" for i in range(1, 51)]
    rows[9] = "N-10,自然人,2025-03-03,网络,,2025-03-20,予以公开"  # line 11
    rows[39] = "N-40,外星人,2025-03-03,网络,文件40,2025-03-20,予以公开"  # line 41
    path = tmp_path / "register.csv"
    path.write_text("\n".join([HEADER, *rows]), encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command(
            "applications", "import", str(path), "--agency", "XS-ZRZY", stdout=StringIO(), stderr=err
        )
    assert raised.value.returncode == 1
    assert "2 行有误" in str(raised.value)
    listed = [line for line in err.getvalue().splitlines() if line.startswith("第 ")]
    assert [line.split("：")[0] for line in listed] == ["第 11 行", "第 41 行"]
    assert not Application.objects.exists()
    assert not ApplicationEvent.objects.exists()
    assert not AuditLog.objects.filter(action="register_import").exists()


def test_a_rejected_file_leaves_what_was_imported_before_untouched(tmp_path: Path) -> None:
    agency_add(code="XS-ZRZY", name="象山县自然资源和规划局")
    first = tmp_path / "first.csv"
    first.write_text(f"{HEADER}\nA-1,自然人,2025-01-06,当面,文件,,\n", encoding="utf-8")
    call_command("applications", "import", str(first), "--agency", "XS-ZRZY", stdout=StringIO())
    before = list(Application.objects.values())
    second = tmp_path / "second.csv"
    second.write_text(
        f"{HEADER}\nA-2,自然人,2025-01-07,当面,文件,,\nA-1,自然人,2025-01-08,当面,文件,,\n", encoding="utf-8"
    )
    with pytest.raises(CommandError):
        call_command(
            "applications", "import", str(second), "--agency", "XS-ZRZY", stdout=StringIO(), stderr=StringIO()
        )
    assert list(Application.objects.values()) == before
