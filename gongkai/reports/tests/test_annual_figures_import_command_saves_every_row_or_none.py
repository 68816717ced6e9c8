"""`gongkai report figures import FILE --agency CODE --year YYYY`: a CSV in UTF-8 (with or without BOM)
under the header key,value. Every row is saved, or none: each bad row is listed on stderr with its line
number and the command exits 1; an unknown body, a year before 2019 and a missing file are rejected
(exit 1); a missing argument is a usage error (exit 2)."""

from __future__ import annotations

from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.reports.models import AnnualReport, AnnualReportEvent, YearlyFigure
from gongkai.reports.tests.annual_workflow_factories import make_cast

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("report", "figures", "import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def rejected(*args: str) -> tuple[str, str, int]:
    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("report", "figures", "import", *args, stdout=StringIO(), stderr=err)
    return str(raised.value), err.getvalue(), raised.value.returncode


def csv_file(tmp_path: Path, text: str, *, bom: bool = False) -> str:
    path = tmp_path / "figures.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return str(path)


@pytest.mark.parametrize("bom", [False, True])
def test_a_good_file_is_saved_with_or_without_a_bom(tmp_path: Path, bom: bool) -> None:
    make_cast()
    path = csv_file(
        tmp_path,
        "key,value\r\nitem20_5.licensing.decisions,120\r\nitem20_8.fees.amount_10k_yuan,3.5\r\n"
        "item20_6.penalty.decisions,\r\n\r\n",
        bom=bom,
    )
    out, _ = run(path, "--agency", "NB-FGW", "--year", "2024")
    assert "已导入宁波市发展和改革委员会2024年度数据" in out
    assert dict(YearlyFigure.objects.values_list("key", "value")) == {
        "item20_5.licensing.decisions": Decimal(120),
        "item20_8.fees.amount_10k_yuan": Decimal("3.5"),
    }
    assert YearlyFigure.objects.filter(entered_by=None).count() == 2  # the command line
    event = AnnualReportEvent.objects.get(kind="figures")
    assert event.actor is None and "导入 figures.csv" in event.note


def test_every_bad_row_is_listed_with_its_line_and_nothing_is_saved(tmp_path: Path) -> None:
    make_cast()
    path = csv_file(
        tmp_path,
        "key,value\n"
        "item20_5.licensing.decisions,120\n"  # good, but not saved: another row is bad
        "item20_9.procurement.amount,5\n"  # a 2019 key in a 2021 report
        "item20_5.licensing.decisions,121\n"  # duplicate
        "item20_6.penalty.decisions,八\n"  # not a number
        "item20_6.coercion.decisions,-2\n"  # negative count
        "item20_8.fees.amount_10k_yuan,1.00001\n"  # five decimals
        "requests.new_received.total,5\n"  # counted from the records
        "no_such_key,1\n"
        "item20_1.regulations.issued,1,extra\n",
    )
    message, err, code = rejected(path, "--agency", "NB-FGW", "--year", "2024")
    assert code == 1
    assert "文件中有 8 行有误，未导入任何数据" in message
    lines = err.strip().split("\n")
    assert [line.split("：")[0] for line in lines] == [f"第 {n} 行" for n in range(3, 11)]
    assert "2019年格式" in lines[0]
    assert "与第 2 行重复" in lines[1]
    assert "不是数字" in lines[2]
    assert "不能为负数" in lines[3]
    assert "最多保留4位小数" in lines[4]
    assert "由办理记录计算" in lines[5]
    assert "未知的单元格" in lines[6]
    assert "应有两列" in lines[7]
    assert not YearlyFigure.objects.exists()
    assert not AnnualReport.objects.exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "文件是空的"),
        (b"name,number\nitem20_5.licensing.decisions,1\n", "第 1 行：表头应为 key,value"),
        ("key,value\nitem20_5.licensing.decisions,1\n".encode("gbk") + "，".encode("gbk"), "不是 UTF-8"),
    ],
)
def test_a_file_that_is_not_a_figures_csv_is_rejected(tmp_path: Path, content: bytes, expected: str) -> None:
    make_cast()
    path = tmp_path / "figures.csv"
    path.write_bytes(content)
    message, err, code = rejected(str(path), "--agency", "NB-FGW", "--year", "2024")
    assert code == 1 and expected in message + err
    assert not YearlyFigure.objects.exists()


def test_an_unknown_body_an_old_year_and_a_missing_file_are_rejected(tmp_path: Path) -> None:
    make_cast()
    path = csv_file(tmp_path, "key,value\nitem20_5.licensing.decisions,1\n")
    assert rejected(path, "--agency", "NOPE", "--year", "2024")[0:3:2] == ("机关不存在：NOPE", 1)
    message, _, code = rejected(path, "--agency", "NB-FGW", "--year", "2018")
    assert code == 1 and "2018年度的报告使用旧统计表" in message
    message, _, code = rejected(str(tmp_path / "missing.csv"), "--agency", "NB-FGW", "--year", "2024")
    assert code == 1 and "文件不存在" in message
    message, _, code = rejected(path, "--agency", "NB-FGW", "--year", "2024", "--by", "nobody")
    assert code == 1 and "用户不存在：nobody" in message


def test_by_names_the_user_who_entered_them_and_must_be_of_the_body(tmp_path: Path) -> None:
    make_cast()
    path = csv_file(tmp_path, "key,value\nitem20_5.licensing.decisions,1\n")
    message, _, code = rejected(path, "--agency", "NB-FGW", "--year", "2024", "--by", "zhao")
    assert code == 1 and "无权办理" in message
    run(path, "--agency", "NB-FGW", "--year", "2024", "--by", "wang")
    assert YearlyFigure.objects.get().entered_by.username == "wang"  # type: ignore[union-attr]


def test_a_missing_argument_is_a_usage_error(tmp_path: Path) -> None:
    make_cast()
    path = csv_file(tmp_path, "key,value\n")
    message, _, code = rejected(path, "--agency", "NB-FGW")
    assert code == 2 and "--year" in message
