from __future__ import annotations

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from gongkai.agencies.services import agency_add
from gongkai.applications.models import Application

pytestmark = pytest.mark.django_db

HEADER = "受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果"
GOOD = "G-1,自然人,2025-03-03,网络,某文件,2025-03-20,予以公开"
TOMORROW = (timezone.localdate() + timedelta(days=1)).isoformat()


def _import(tmp_path: Path, *rows: str) -> str:
    """Import the rows after one good row; returns stderr. The file must be rejected with exit 1."""
    path = tmp_path / "register.csv"
    path.write_text("\n".join([HEADER, GOOD, *rows]) + "\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command(
            "applications", "import", str(path), "--agency", "XS-ZRZY", stdout=StringIO(), stderr=err
        )
    assert raised.value.returncode == 1
    assert "未导入任何申请" in str(raised.value)
    assert not Application.objects.filter(number="G-1").exists()
    return err.getvalue()


@pytest.fixture(autouse=True)
def agency() -> None:
    agency_add(code="XS-ZRZY", name="象山县自然资源和规划局")


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (",自然人,2025-03-03,网络,某文件,,", "受理编号为空"),
        ("X" * 65 + ",自然人,2025-03-03,网络,某文件,,", "受理编号超过 64 个字符"),
        ("B-1,公司,2025-03-03,网络,某文件,,", "申请人类型“公司”无法识别"),
        ("B-1,自然人,,网络,某文件,,", "收到日期为空"),
        ("B-1,自然人,2025/3/3,网络,某文件,,", "收到日期应为 YYYY-MM-DD 格式：2025/3/3"),
        ("B-1,自然人,2025-02-30,网络,某文件,,", "收到日期不是有效日期：2025-02-30"),
        (f"B-1,自然人,{TOMORROW},网络,某文件,,", f"收到日期 {TOMORROW} 晚于今天"),
        ("B-1,自然人,2007-12-31,网络,某文件,,", "早于《政府信息公开条例》施行日"),
        ("B-1,自然人,2025-03-03,电话,某文件,,", "申请方式“电话”无法识别"),
        ("B-1,自然人,2025-03-03,网络,,,", "申请内容为空"),
        ("B-1,自然人,2025-03-03,网络,某文件,2025-03-20,", "答复日期与办理结果应同时填写"),
        ("B-1,自然人,2025-03-03,网络,某文件,,予以公开", "答复日期与办理结果应同时填写"),
        ("B-1,自然人,2025-03-03,网络,某文件,20250320,予以公开", "答复日期应为 YYYY-MM-DD 格式"),
        (
            "B-1,自然人,2025-03-03,网络,某文件,2025-03-01,予以公开",
            "答复日期 2025-03-01 早于收到日期 2025-03-03",
        ),
        (f"B-1,自然人,2025-03-03,网络,某文件,{TOMORROW},予以公开", f"答复日期 {TOMORROW} 晚于今天"),
        (
            "B-1,自然人,2025-03-03,网络,某文件,2025-03-20,同意公开",
            "办理结果“同意公开”不是年度报告表三的办理结果",
        ),
        ("B-1,自然人,2025-03-03,网络,某文件,2025-03-20,其他处理", "“其他处理”分为三项"),
        ("G-1,自然人,2025-03-04,网络,另一文件,,", "受理编号 G-1 与第 2 行重复"),
    ],
)
def test_each_bad_row_is_reported_with_its_line_number_and_reason(
    tmp_path: Path, row: str, reason: str
) -> None:
    stderr = _import(tmp_path, row)
    line = next(line for line in stderr.splitlines() if line.startswith("第 3 行："))
    assert reason in line


def test_a_number_already_used_in_the_body_is_a_bad_row(tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    first.write_text(f"{HEADER}\nOLD-1,自然人,2024-05-06,当面,旧申请,2024-05-20,予以公开\n", encoding="utf-8")
    call_command("applications", "import", str(first), "--agency", "XS-ZRZY", stdout=StringIO())
    stderr = _import(tmp_path, "OLD-1,自然人,2025-03-03,网络,某文件,,")
    assert "第 3 行：受理编号 OLD-1 在本机关已存在" in stderr
    assert Application.objects.filter(number="OLD-1").count() == 1


def test_the_same_number_in_another_body_is_not_a_clash(tmp_path: Path) -> None:
    agency_add(code="XS-JYJ", name="象山县教育局")
    path = tmp_path / "register.csv"
    path.write_text(f"{HEADER}\n{GOOD}\n", encoding="utf-8")
    call_command("applications", "import", str(path), "--agency", "XS-JYJ", stdout=StringIO())
    call_command("applications", "import", str(path), "--agency", "XS-ZRZY", stdout=StringIO())
    assert Application.objects.filter(number="G-1").count() == 2


def test_a_row_with_several_problems_lists_them_all_on_its_line(tmp_path: Path) -> None:
    stderr = _import(tmp_path, "B-1,公司,2025-13-01,飞鸽,,,")
    line = next(line for line in stderr.splitlines() if line.startswith("第 3 行："))
    for reason in ("申请人类型", "收到日期不是有效日期", "申请方式", "申请内容为空"):
        assert reason in line
