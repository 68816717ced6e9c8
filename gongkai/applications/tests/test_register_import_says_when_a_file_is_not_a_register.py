"""A file picked by mistake is named for what it is (a PDF, a Word document, a picture, a ZIP, some other
table), never answered with "the file is empty"; an empty file is empty, and a first row left blank is
said to be the missing header."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.agencies.services import agency_add

pytestmark = pytest.mark.django_db

HEADER = "受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果"


@pytest.fixture(autouse=True)
def agency() -> None:
    agency_add(code="XS-ZRZY", name="象山县自然资源和规划局")


def rejected(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CommandError) as raised:
        call_command(
            "applications",
            "import",
            str(path),
            "--agency",
            "XS-ZRZY",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    assert raised.value.returncode == 1
    return str(raised.value)


def a_zip(*members: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member in members:
            archive.writestr(member, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("报告.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF 文件"),
        ("照片.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "PNG 图片"),
        ("照片.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 40, "JPEG 图片"),
        ("年报.docx", a_zip("[Content_Types].xml", "word/document.xml"), "Word 文档（DOCX）"),
        ("材料.zip", a_zip("a.txt", "b.txt"), "ZIP 压缩文件"),
        ("程序.bin", b"\x7fELF\x02\x01\x01\x00" + b"\x00\xff" * 40, "无法作为文本读取的二进制文件"),
    ],
    ids=[
        "pdf",
        "png",
        "jpeg",
        "docx",
        "zip",
        "binary",
    ],  # the same on every xdist worker (a ZIP holds a time)
)
def test_a_file_that_is_not_a_register_is_named_for_what_it_is(
    tmp_path: Path, name: str, data: bytes, what: str
) -> None:
    message = rejected(tmp_path, name, data)
    assert f"这不是台账文件：上传的是{what}" in message
    assert "文件是空的" not in message and "受理编号" in message


def test_another_table_is_said_not_to_look_like_a_register(tmp_path: Path) -> None:
    message = rejected(tmp_path, "通讯录.csv", "姓名,电话,部门\n张三,13800138000,办公室\n".encode())
    assert "这不像台账文件" in message and "姓名，电话，部门" in message


def test_a_blank_first_row_is_the_missing_header(tmp_path: Path) -> None:
    message = rejected(tmp_path, "台账.csv", f"\n{HEADER}\nA-1,自然人,2025-03-03,网络,某文件,,\n".encode())
    assert "第 1 行是空行" in message


def test_an_empty_file_is_empty(tmp_path: Path) -> None:
    assert "文件是空的" in rejected(tmp_path, "台账.csv", b"\n\n  \n")
