from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from gongkai.agencies.services import agency_add
from gongkai.applications.models import Application, Result, Status

pytestmark = pytest.mark.django_db

HEADER = ["受理编号", "申请人类型", "收到日期", "申请方式", "申请内容", "答复日期", "办理结果"]


def _workbook(
    tmp_path: Path,
    rows: Sequence[Sequence[object]],
    first_sheet_rows: Sequence[Sequence[object]] | None = None,
) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    for row in first_sheet_rows if first_sheet_rows is not None else [HEADER, *rows]:
        sheet.append(row)
    other = workbook.create_sheet("说明")
    other.append(["这张表不导入"])
    path = tmp_path / "台账.xlsx"
    workbook.save(path)
    return path


def test_an_xlsx_register_imports_from_its_first_sheet_with_date_cells_and_text_dates(tmp_path: Path) -> None:
    agency_add(code="XS-ZRZY", name="象山县自然资源和规划局")
    path = _workbook(
        tmp_path,
        [
            [2025001, "自然人", datetime(2025, 3, 3), "当面", "某规划批复", date(2025, 3, 10), "部分公开"],
            ["2025-002", "科研机构", "2025-03-05", "传真", "某统计数据", None, None],
        ],
    )
    out = StringIO()
    call_command("applications", "import", str(path), "--agency", "XS-ZRZY", stdout=out)
    assert "已导入 2 件申请" in out.getvalue()
    first = Application.objects.get(number="2025001")
    assert (first.received_on, first.closed_on, first.result) == (
        date(2025, 3, 3),
        date(2025, 3, 10),
        Result.PARTIALLY_DISCLOSED,
    )
    assert Application.objects.get(number="2025-002").status == Status.IN_PROGRESS


def test_bad_rows_are_named_by_the_sheet_row_number(tmp_path: Path) -> None:
    agency_add(code="XS-ZRZY", name="象山县自然资源和规划局")
    path = _workbook(
        tmp_path,
        [],
        first_sheet_rows=[
            HEADER,
            ["A-1", "自然人", date(2025, 3, 3), "网络", "某文件", None, None],
            [None] * 7,
            [None] * 7,
            ["A-2", "自然人", "2025/03/04", "网络", "某文件", None, None],
        ],
    )
    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("applications", "import", str(path), "--agency", "XS-ZRZY", stderr=err)
    assert raised.value.returncode == 1
    assert "第 5 行：收到日期应为 YYYY-MM-DD 格式：2025/03/04" in err.getvalue()
    assert not Application.objects.exists()
