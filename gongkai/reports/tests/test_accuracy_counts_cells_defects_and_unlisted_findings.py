"""The accuracy measure counts as a reader's user would: a wrong cell is wrong, a cell the text does not fix
and that the reader leaves blank with `ambiguous_cell` is right, an expected defect not found is missed,
an error nobody listed is counted, and a figure for a cell that cannot be established is unfounded."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from gongkai.reports.accuracy import ExpectedUnreadable, accuracy_table, compare, measure_folder
from gongkai.reports.audit.model import Finding, ParsedReport
from gongkai.reports.tests.corpus.forms import seed


def _report(cells: dict[str, Any], findings: list[Finding] | None = None, **facts: Any) -> ParsedReport:
    report = ParsedReport(file="r.txt", lines=["2013年政府信息公开工作年度报告"], format="2008", year=2013)
    report.cells = cells
    report.findings = findings or []
    for name, value in facts.items():
        setattr(report, name, value)
    return report


EXPECTED: dict[str, Any] = {
    "file": "r.txt",
    "format": "2008",
    "year": 2013,
    "agency_name": "平潭综合实验区",
    "agency_full_name": "平潭综合实验区管委会",
    "period": ["2013-01-01", "2013-12-31"],
    "published": "2014-01-10",
    "cells": {
        "proactive_total": 72804,
        "channel_website": 72804,
        "requests_received": 21,
        "replies_total": 0,
    },
    "ambiguous_in_text": {"requests_received": "2121 = 2|121 or 21|21"},
    "absent_rows": ["trainings"],
    "unestablished": {"requests_fax": "combined row", "requests.other_other.*": "one row"},
    "defects": [
        {"rule": "narrative_mismatch", "keys": ["proactive_total"], "note": "4970条"},
        {"rule": "regulation_name", "keys": [], "note": "工作条例"},
    ],
    "not_defects": [{"rule": "old_format_sum", "keys": ["requests_received", "requests_in_person"]}],
}


def test_a_wrong_cell_is_counted_wrong_and_a_blank_one_missing() -> None:
    report = _report({"proactive_total": 72804, "channel_website": 7280, "requests_received": None})
    measured = compare(EXPECTED, report)
    assert [r.key for r in measured.right] == ["proactive_total"]
    assert [(r.key, r.read, r.expected) for r in measured.wrong] == [("channel_website", 7280, 72804)]
    # requests_received is blank without saying why; replies_total is not in the report at all.
    assert [r.key for r in measured.missing] == ["requests_received", "replies_total"]


def test_a_decimal_read_equals_the_same_figure_written_as_a_json_number() -> None:
    expected = {"file": "r.txt", "cells": {"item20_8.fees.amount_10k_yuan": 5949.088667}}
    measured = compare(expected, _report({"item20_8.fees.amount_10k_yuan": Decimal("5949.088667")}))
    assert measured.figures()["cells_right"] == 1


def test_a_cell_ambiguous_in_the_text_left_blank_with_ambiguous_cell_is_right_and_not_missing() -> None:
    flagged = Finding("ambiguous_cell", "warning", "“2121”可拆为2/121或21/21", keys=["requests_received"])
    measured = compare(EXPECTED, _report({"requests_received": None}, [flagged]))
    assert "requests_received" in [r.key for r in measured.right]
    assert "requests_received" not in [r.key for r in measured.missing]
    # An ambiguous_cell finding is the reader's honesty, not an unlisted warning.
    assert measured.unlisted_warnings == []


def test_ambiguous_cell_does_not_excuse_a_cell_the_text_fixes() -> None:
    flagged = Finding("ambiguous_cell", "warning", "…", keys=["channel_website"])
    measured = compare(EXPECTED, _report({"channel_website": None}, [flagged]))
    assert "channel_website" in [r.key for r in measured.missing]


def test_a_figure_for_an_unestablished_or_absent_cell_is_unfounded() -> None:
    report = _report(
        {"requests_fax": 0, "trainings": 3, "requests.other_other.total": 0, "requests_online": 1}
    )
    measured = compare(EXPECTED, report)
    assert sorted(r.key for r in measured.unfounded) == [
        "requests.other_other.total",
        "requests_fax",
        "trainings",
    ]
    assert compare(EXPECTED, _report({"requests_fax": None, "trainings": None})).unfounded == []


def test_a_defect_is_found_only_with_its_rule_and_its_keys_and_otherwise_missed() -> None:
    other_cell = Finding("narrative_mismatch", "warning", "正文称…", keys=["channel_website"])
    measured = compare(EXPECTED, _report({}, [other_cell]))
    assert [d.rule for d in measured.missed] == ["narrative_mismatch", "regulation_name"]
    assert measured.found == []
    assert [f.keys for f in measured.unlisted_warnings] == [["channel_website"]]

    right = Finding("narrative_mismatch", "warning", "正文称…", keys=["proactive_total"])
    regulation = Finding("regulation_name", "warning", "工作条例")
    measured = compare(EXPECTED, _report({}, [right, regulation]))
    assert [d.rule for d in measured.found] == ["narrative_mismatch", "regulation_name"]
    assert measured.missed == []
    assert measured.unlisted_warnings == []


def test_one_finding_accounts_for_one_defect_only() -> None:
    expected = {
        "file": "r.txt",
        "cells": {},
        "defects": [{"rule": "regulation_name", "keys": []}, {"rule": "regulation_name", "keys": []}],
    }
    measured = compare(expected, _report({}, [Finding("regulation_name", "warning", "工作条例")]))
    assert (len(measured.found), len(measured.missed)) == (1, 1)


def test_an_error_the_expected_file_does_not_list_is_counted_and_a_known_false_positive_named() -> None:
    unlisted = Finding("detail_sum", "error", "明细之和不等于总计", keys=["requests.results_total.total"])
    false_positive = Finding(
        "old_format_sum",
        "error",
        "申请数21 ≠ 18+0+0+0",
        keys=[
            "requests_received",
            "requests_in_person",
            "requests_fax",
            "requests_online",
            "requests_letter",
        ],
    )
    measured = compare(EXPECTED, _report({}, [unlisted, false_positive]))
    assert measured.unlisted_errors == [unlisted, false_positive]
    assert measured.false_alarms == [false_positive]
    assert measured.figures()["unlisted_errors"] == 2


def test_not_checkable_is_no_claim_of_a_defect() -> None:
    note = Finding("not_checkable", "warning", "未找到统计表，无法核对")
    assert compare(EXPECTED, _report({}, [note])).unlisted_warnings == []


def test_tables_unread_is_counted_on_its_own_and_not_as_an_unlisted_error() -> None:
    unread = Finding("tables_unread", "error", "未能读出统计表：表二", keys=["proactive_total"])
    measured = compare(EXPECTED, _report({}, [unread]))
    assert measured.tables_unread == [unread]
    assert measured.unlisted_errors == []
    assert measured.figures()["tables_unread"] == 1


def test_facts_are_right_with_the_name_as_in_the_title_or_in_full_and_wrong_with_a_metadata_label() -> None:
    period, published_on = (date(2013, 1, 1), date(2013, 12, 31)), date(2014, 1, 10)
    right = compare(
        EXPECTED, _report({}, agency_name="平潭综合实验区管委会", period=period, published_on=published_on)
    )
    assert right.facts_wrong == []
    wrong = compare(
        EXPECTED, _report({}, agency_name="标题:平潭综合实验区", period=period, published_on=published_on)
    )
    assert wrong.facts_wrong == [("agency_name", "平潭综合实验区", "标题:平潭综合实验区")]


def test_an_unreadable_report_has_every_cell_missing_and_every_defect_missed() -> None:
    measured = compare(EXPECTED, None, "未找到年度报告的标题")
    assert measured.unreadable == "未找到年度报告的标题"
    assert len(measured.missing) == 4
    assert len(measured.missed) == 2


def _folder(tmp_path: Path, expected: dict[str, Any], name: str = "e.json") -> Path:
    (tmp_path / "expected").mkdir(exist_ok=True)
    (tmp_path / "expected" / name).write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_a_folder_is_read_through_the_reader_and_each_expected_file_names_its_report(tmp_path: Path) -> None:
    (tmp_path / "cixi_2023.txt").write_bytes(seed("002").read_bytes())
    (tmp_path / "unlisted.txt").write_text("没有预期结果的报告", encoding="utf-8")
    (tmp_path / "notice.txt").write_text("关于召开会议的通知。", encoding="utf-8")
    cells = {"requests.new_received.total": 103, "requests.carried_in.total": 999}
    _folder(tmp_path, {"file": "cixi_2023.txt", "format": "2021", "year": 2023, "cells": cells}, "cixi.json")
    _folder(tmp_path, {"file": "notice.txt", "cells": {"proactive_total": 1}, "defects": []}, "notice.json")
    measured = measure_folder(tmp_path)
    cixi, notice = measured.reports
    assert cixi.file == "cixi_2023.txt"
    assert [r.key for r in cixi.right] == ["requests.new_received.total"]
    assert [r.key for r in cixi.wrong] == ["requests.carried_in.total"]
    assert notice.unreadable is not None and "未找到年度报告的标题" in notice.unreadable
    assert measured.without_expected == ["unlisted.txt"]
    totals = measured.totals()
    assert (totals["cells_right"], totals["cells_wrong"], totals["cells_missing"]) == (1, 1, 1)
    assert (totals["reports"], totals["unreadable"]) == (2, 1)
    table = accuracy_table(measured)
    assert "cixi_2023.txt" in table
    assert "读错 requests.carried_in.total" in table
    assert "没有预期结果文件、未计入的报告：unlisted.txt" in table


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "没有 expected 目录"),
        ("", "没有预期结果文件"),
        ("{not json", "预期结果文件无法读取"),
        ('{"cells": {}}', "缺少 file 字段"),
        ('{"file": "r.txt", "cells": []}', "cells 应为对象"),
    ],
)
def test_a_folder_without_usable_expected_files_is_refused_clearly(
    tmp_path: Path, content: str | None, message: str
) -> None:
    if content is not None:
        (tmp_path / "expected").mkdir()
        if content:
            (tmp_path / "expected" / "r.json").write_text(content, encoding="utf-8")
    with pytest.raises(ExpectedUnreadable, match=message):
        measure_folder(tmp_path)
