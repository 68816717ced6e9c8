"""`gongkai publications import FILE --agency CODE`: items stored as published with index numbers and
indexed; unknown categories created and reported; the guard's findings listed, blocking nothing; a bad
line reported with its number and reason, nothing of it saved, the rest imported; exit 1 if any was
rejected; a progress bar on stderr."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.publications.models import Category, Finding, Publication, Status
from gongkai.publications.tests.factories import make_cast
from gongkai.publications.tests.files import docx_with_text
from gongkai.search.selectors import search_publications

pytestmark = pytest.mark.django_db


def write(path: Path, lines: list[object]) -> Path:
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines)
        + "\n",
        encoding="utf-8",
    )
    return path


def test_good_lines_are_imported_bad_ones_reported_and_the_exit_is_1(
    tmp_path: Path, settings: object
) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")  # type: ignore[attr-defined]
    cast = make_cast()
    (tmp_path / "att").mkdir()
    (tmp_path / "att" / "名单.docx").write_bytes(docx_with_text("补助对象：石浦镇渔业合作社"))
    (tmp_path / "att" / "假.pdf").write_bytes(b"not a pdf")
    source = write(
        tmp_path / "items.jsonl",
        [
            {
                "title": "关于印发渔业补助办法的通知",
                "published": "2023-03-01",
                "made": "2023-02-20",
                "doc_number": "象政办发[2023]5号",
                "category": "政策文件/行政规范性文件",
                "validity": "有效",
                "attachments": ["att/名单.docx"],
            },
            {
                "title": "2022年财政预算公开",
                "published": "2022-02-01",
                "category": "财政预决算/部门预算",
                "body": "联系人手机13800138000",
            },
            "{not json",
            {"title": "", "published": "2023-01-01"},
            {"title": "日期错", "published": "2023-02-30"},
            {"title": "附件是假的", "published": "2023-01-05", "attachments": ["att/假.pdf"]},
            {"title": "越界的附件", "published": "2023-01-05", "attachments": ["../../etc/passwd"]},
            {"title": "晚于今天", "published": "2999-01-01"},
            ["不是对象"],
        ],
    )
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("publications", "import", str(source), "--agency", "NB-FGW", stdout=out, stderr=err)
    assert failed.value.returncode == 1
    messages = err.getvalue()
    for line in (3, 4, 5, 6, 7, 8, 9):
        assert f"第 {line} 行" in messages
    assert "不是有效的 JSON" in messages and "缺少标题" in messages and "不是可接受的文件" in messages
    assert "超出导入文件所在目录" in messages and "新建公开目录：财政预决算/部门预算" in messages
    assert "已导入 2 条，拒绝 7 条" in out.getvalue()
    items = Publication.objects.filter(agency=cast.agency).order_by("published_on")
    assert [p.status for p in items] == [Status.PUBLISHED, Status.PUBLISHED]
    assert items[0].index_number == "NB-FGW/2022-00001" and items[1].index_number == "NB-FGW/2023-00001"
    assert items[1].kind == "normative" and items[1].validity == "in_force"
    assert Category.objects.filter(agency=cast.agency, name="部门预算", parent__name="财政预决算").exists()
    assert Finding.objects.filter(publication=items[0], kind="mobile", after_publication=True).exists()
    assert search_publications("象政办发〔2023〕5号").total == 1
    assert search_publications("渔业合作社").total == 1  # inside the attachment


def test_an_unknown_body_or_a_missing_file_is_rejected(tmp_path: Path) -> None:
    make_cast()
    with pytest.raises(CommandError, match="机关不存在"):
        call_command("publications", "import", str(tmp_path / "x.jsonl"), "--agency", "NOPE")
    with pytest.raises(CommandError, match="文件不存在"):
        call_command("publications", "import", str(tmp_path / "x.jsonl"), "--agency", "NB-FGW")


def test_a_clean_file_exits_0_with_a_json_summary(tmp_path: Path) -> None:
    make_cast()
    source = write(
        tmp_path / "ok.jsonl",
        [{"title": f"第{i}号公告", "published": "2024-05-0" + str(i)} for i in range(1, 4)],
    )
    out, err = StringIO(), StringIO()
    call_command(
        "publications", "import", str(source), "--agency", "NB-FGW", "--json", stdout=out, stderr=err
    )
    summary = json.loads(out.getvalue())
    assert summary["imported"] == 3 and summary["rejected"] == 0
    assert "导入" in err.getvalue() and "100.0%" in err.getvalue()
