from __future__ import annotations

import io
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.agencies.services import agency_add
from gongkai.applications.models import Application

pytestmark = pytest.mark.django_db

HEADER = "受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果"


def _rejected(path: Path, agency: str = "XS-ZRZY") -> str:
    with pytest.raises(CommandError) as raised:
        call_command(
            "applications", "import", str(path), "--agency", agency, stdout=StringIO(), stderr=StringIO()
        )
    assert raised.value.returncode == 1
    assert not Application.objects.exists()
    return str(raised.value)


@pytest.fixture(autouse=True)
def agency() -> None:
    agency_add(code="XS-ZRZY", name="象山县自然资源和规划局")


def test_an_unknown_body_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(HEADER + "\n", encoding="utf-8")
    assert "机关不存在：NOPE" in _rejected(path, agency="NOPE")


def test_a_missing_file_is_rejected(tmp_path: Path) -> None:
    assert "文件不存在" in _rejected(tmp_path / "nope.csv")


def test_a_header_without_the_register_columns_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("编号,类型,日期\nA-1,自然人,2025-03-03\n", encoding="utf-8")
    message = _rejected(path)
    assert "表头缺少列" in message and "受理编号" in message


def test_an_empty_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(b"")
    assert "文件是空的" in _rejected(path)


def test_a_csv_that_is_not_utf8_is_rejected_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(f"{HEADER}\nA-1,自然人,2025-03-03,网络,某文件,,\n".encode("gb18030"))
    assert "UTF-8" in _rejected(path)


def test_a_damaged_xlsx_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert "无法读取 XLSX 文件" in _rejected(path)


def test_an_uploaded_file_object_is_read_like_a_path(tmp_path: Path) -> None:
    from gongkai.applications.register import import_register

    agency = agency_add(code="XS-JYJ", name="象山县教育局")
    upload = io.BytesIO(f"{HEADER}\nA-1,自然人,2025-03-03,网络,某文件,,\n".encode())
    upload.name = "上传的台账.csv"
    result = import_register(agency=agency, file=upload, actor=None)
    assert (result.imported, result.file_name) == (1, "上传的台账.csv")


def test_an_old_binary_xls_file_is_rejected_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "r.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    assert "另存为 XLSX" in _rejected(path)
