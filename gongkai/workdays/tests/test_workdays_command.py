"""`gongkai workdays …`: results on stdout, Chinese messages, exit 1 for rejected data and 2 for usage errors."""

from __future__ import annotations

import json
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("workdays", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def exit_code(*args: str) -> tuple[int, str]:
    with pytest.raises(CommandError) as raised:
        run(*args)
    return raised.value.returncode, str(raised.value)


def test_add_prints_the_due_date() -> None:
    assert run("add", "2025-10-01", "20")[0] == "2025-11-04\n"


def test_add_marks_a_provisional_due_date_with_the_english_word() -> None:
    out, err = run("add", "2026-12-20", "20")
    assert out == "2027-01-18 provisional\n"
    assert "暂定" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", "2025-10-32", "20"), "日期格式"),
        (("add", "2025/10/01", "20"), "日期格式"),
        (("add", "2025-10-01", "0"), "工作日数"),
        (("add", "2025-10-01", "-3"), "工作日数"),
        (("add", "2025-10-01", "二十"), "工作日数"),
        (("complete", "二〇二七"), "年度"),
        (("show", "0"), "年度"),
    ],
)
def test_bad_arguments_are_usage_errors(args: tuple[str, ...], message: str) -> None:
    code, text = exit_code(*args)
    assert code == 2
    assert message in text


def test_a_due_date_past_the_end_of_the_calendar_is_rejected() -> None:
    code, text = exit_code("add", "9999-12-30", "5")
    assert code == 1
    assert "超出可计算的日期范围" in text


def test_set_and_clear_print_the_day_as_it_now_stands() -> None:
    assert run("set", "2025-10-09", "--holiday", "--name", "台风停工")[0] == "2025-10-09 台风停工（休）\n"
    assert run("add", "2025-10-01", "20")[0] == "2025-11-05\n"
    assert run("clear", "2025-10-09")[0] == "2025-10-09 星期四（班）\n"
    assert run("add", "2025-10-01", "20")[0] == "2025-11-04\n"


def test_clearing_a_day_of_the_package_is_rejected() -> None:
    code, text = exit_code("clear", "2025-10-01")
    assert code == 1
    assert "软件包" in text


def test_complete_and_undo() -> None:
    code, text = exit_code("complete", "2027")
    assert code == 1
    assert "还没有录入" in text
    run("set", "2027-10-01", "--holiday", "--name", "国庆节")
    assert run("complete", "2027")[0] == "2027 complete\n"
    # Complete with no 元旦 entered: the administrator's calendar is all there is.
    assert run("add", "2026-12-20", "20")[0] == "2027-01-15\n"
    assert run("complete", "2027", "--undo")[0] == "2027 provisional\n"
    assert run("add", "2026-12-20", "20")[0] == "2027-01-18 provisional\n"


def test_show_lists_the_holidays_and_make_up_days_of_a_year() -> None:
    out, _ = run("show", "2025")
    lines = out.splitlines()
    assert lines[0] == "2025年：官方日历已完整录入；全年工作日 248 天"
    assert "2025-01-01 元旦（休）" in lines
    assert "2025-09-28 国庆节调休上班（班）" in lines


def test_show_a_provisional_year_as_json() -> None:
    run("set", "2027-02-15", "--holiday", "--name", "春节")
    shown = json.loads(run("show", "2027", "--json")[0])
    assert (shown["year"], shown["complete"]) == (2027, False)
    assert {"date": "2027-02-15", "is_workday": False, "name": "春节", "source": "admin"} in shown["days"]
    # The 办法's holidays, provisional: 元旦, 春节 from 除夕 (5–8 Feb, two of them on the weekend: 9–10 Feb
    # given back), 清明, 劳动节 (1–2 May, a weekend: 3–4 May), 端午, 中秋, 国庆 (1–3 Oct: 4–5 Oct).
    statutory = [day["date"] for day in shown["days"] if day["source"] == "statutory"]
    assert statutory == [
        "2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10",
        "2027-04-05", "2027-05-01", "2027-05-02", "2027-05-03", "2027-05-04", "2027-06-09", "2027-09-15",
        "2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04", "2027-10-05",
    ]  # fmt: skip
    assert shown["workdays"] == 261 - 13 - 1  # 261 weekdays, 13 of them statutory rest days, 1 entered


def test_the_command_line_exits_2_with_a_chinese_message_for_fewer_than_one_working_day() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "gongkai.cli", "workdays", "add", "2025-10-01", "0"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert "工作日数应为不小于 1 的整数" in completed.stderr
