"""`gongkai report audit FILE...` prints, per file, the format, body, year, period, the counts of
findings by severity, then each finding with its rule, cells and line."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from gongkai.reports.tests.corpus.forms import seed


def _audit(*args: str) -> str:
    out = StringIO()
    call_command("report", "audit", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_summary_names_format_body_year_and_period() -> None:
    text = _audit(str(seed("000")))
    assert f"== {seed('000')}" in text
    assert "格式：2008（旧统计表" in text
    assert "机关：慈溪市政府办公室" in text
    assert "年度：2018　统计期限：2018-01-01 至 2018-12-31" in text


def test_the_summary_counts_findings_by_severity_and_lists_each_with_rule_line_and_cells() -> None:
    text = _audit(str(seed("003")))
    assert "发现问题：错误 2 项" in text
    detail = next(line for line in text.splitlines() if "detail_sum" in line)
    assert detail.startswith("  [错误] detail_sum　第")
    assert "三（七）总计" in detail
    assert "单元格：requests.results_total." in detail


def test_every_file_gets_its_own_summary() -> None:
    text = _audit(str(seed("001")), str(seed("002")))
    assert text.count("== ") == 2
    assert "发布日期：2024-01-11" in text
