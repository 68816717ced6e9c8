"""A report whose format requires tables that were not read, wholly or in part, gets an `error`
finding `tables_unread` naming them, first in the command line's summary: it never passes
silently as if its figures had been checked."""

from __future__ import annotations

from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.auditing import audit_report
from gongkai.reports.cli import summary
from gongkai.reports.tests.corpus import forms

PROSE_ONLY = (
    "某县人民政府办公室\n2023年政府信息公开工作年度报告\n一、总体情况\n"
    "2023年，我办共收到政府信息公开申请12件，均已按时答复。\n"
)


def _without_table_four(name: str) -> bytes:
    blocks = forms.seed_blocks(name)
    kept = [
        b
        for b in blocks
        if not (isinstance(b, forms.Table) and any("复议后起诉" in c for r in b.rows for c in r))
    ]
    assert len(kept) == len(blocks) - 1
    return forms.to_text(kept).encode()


def test_a_report_with_no_table_read_names_every_table_it_requires() -> None:
    report = audit_report(read_report_bytes(PROSE_ONLY.encode(), "prose.txt"))
    [unread] = [f for f in report.findings if f.rule == "tables_unread"]
    assert unread.severity == "error"
    for table in ("第二十条第（一）项", "表三（收到和处理政府信息公开申请情况）", "表四"):
        assert table in unread.message
    assert set(unread.keys) == set(report.cells)


def test_a_report_missing_one_table_names_that_table_only() -> None:
    report = audit_report(read_report_bytes(_without_table_four("002"), "002.txt"))
    [unread] = [f for f in report.findings if f.rule == "tables_unread"]
    assert "表四" in unread.message and "表三" not in unread.message
    assert all(key.startswith("appeals.") for key in unread.keys)
    assert all(report.cells[key] is None for key in unread.keys)


def test_the_command_line_summary_says_it_before_anything_else() -> None:
    report = audit_report(read_report_bytes(_without_table_four("002"), "002.txt"))
    lines = summary(report).splitlines()
    assert lines[1].startswith("！！未能读取统计表") and "表四" in lines[1]


def test_an_old_table_in_a_regional_variant_is_not_unread_for_the_rows_it_does_not_print() -> None:
    text = (
        "某县人民政府2012年政府信息公开工作年度报告\n"
        "附件：政府信息公开情况统计表 指标名称 计量单位 2012年度 历年累计 主动公开信息数 条 12 30 "
        "受理依申请公开信息总数 条 0 0 行政复议数 件 0 0\n"
    )
    report = audit_report(read_report_bytes(text.encode(), "regional.txt"))
    assert not [f for f in report.findings if f.rule == "tables_unread"]
    assert report.cells["proactive_total"] == 12


def test_a_seed_report_has_none() -> None:
    for path in forms.seed_paths():
        report = audit_report(read_report_bytes(path.read_bytes(), path.name))
        assert not [f for f in report.findings if f.rule == "tables_unread"]
