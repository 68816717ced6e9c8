"""Seed 002 (慈溪市人民政府办公室, 2023, format 2021) is clean, its fee statement included."""

from __future__ import annotations

from gongkai.reports.rules import run_rules
from gongkai.reports.tests.seed_reports import seed


def test_seed_002_has_no_finding() -> None:
    assert run_rules(seed("002")) == []


def test_seed_002_quotes_its_normative_documents_and_applications_right() -> None:
    report = seed("002")
    report.cells["item20_1.normative_documents.in_force"] = 266

    messages = [f.message for f in run_rules(report) if f.rule == "narrative_mismatch"]

    assert messages == [
        "正文称现行有效规范性文件数为265（“其中继续有效的行政规范性文件265件”），统计表“第二十条第（一）项 行政规范性文件 / 现行有效件数”为266"
    ]
