"""format_mismatch: the format must be the one of the report year (2008 table to 2018, 2019 for 2019–2020,
2021 from 2021); the old table is an error from the 2020 reports on, a warning for 2019."""

from __future__ import annotations

from gongkai.reports import formats
from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report


def _formats(fmt: str, year: int) -> list[tuple[str, str]]:
    report = build_report(fmt, year=year)
    return [(f.severity, f.message) for f in run_rules(report) if f.rule == "format_mismatch"]


def test_the_old_table_for_2020_is_an_error() -> None:
    assert _formats(formats.FORMAT_2008, 2020) == [
        (
            "error",
            "2020年度报告仍使用2008年旧版《政府信息公开情况统计表》；2020年度应使用国办公开办函〔2019〕60号格式，"
            "旧统计口径已随原《条例》失效而失效",
        )
    ]


def test_the_old_table_for_2019_is_only_a_warning() -> None:
    ((severity, message),) = _formats(formats.FORMAT_2008, 2019)
    assert severity == "warning"
    assert message.endswith("（2019年度报告可参照统一格式发布，故仅作提示）")


def test_the_2019_format_for_a_2021_report_and_the_reverse_are_warnings() -> None:
    assert _formats(formats.FORMAT_2019, 2022) == [
        (
            "warning",
            "2022年度报告使用了国办公开办函〔2019〕60号格式，该年度应使用国办公开办函〔2021〕30号格式",
        )
    ]
    assert [s for s, _ in _formats(formats.FORMAT_2021, 2020)] == ["warning"]


def test_the_format_of_the_year_passes() -> None:
    assert _formats(formats.FORMAT_2008, 2018) == []
    assert _formats(formats.FORMAT_2019, 2019) == []
    assert _formats(formats.FORMAT_2021, 2021) == []


def test_a_2021_table_three_with_one_other_processing_row_is_an_error() -> None:
    from gongkai.reports.audit.reader import read_report_bytes
    from gongkai.reports.auditing import audit_report
    from gongkai.reports.tests.corpus import forms

    blocks = []
    for block in forms.seed_blocks("002"):
        if isinstance(block, forms.Table):
            rows = []
            for row in block.rows:
                label = "".join(row[:3])
                if "（六）其他处理" in label:
                    rows.append(["", "（六）其他处理", *row[3:]])  # the 2019 layout: one row
                elif "缴纳费用" in label or row[:3] == ["", "", "3.其他"]:
                    continue
                else:
                    rows.append(row)
            block = forms.Table(rows)
        blocks.append(block)
    report = audit_report(read_report_bytes(forms.to_text(blocks).encode(), "002.txt"))
    [finding] = [f for f in report.findings if f.rule == "format_mismatch"]
    assert finding.severity == "error"
    assert "（六）其他处理" in finding.message and "三行" in finding.message
    assert not [f for f in report.findings if f.rule == "tables_unread"]
