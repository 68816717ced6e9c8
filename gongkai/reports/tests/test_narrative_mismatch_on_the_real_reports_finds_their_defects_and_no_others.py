"""`narrative_mismatch` on the real reports of `real_reports/`, given the cells a right reader reads (those
of `expected/*.json`, put into the report the reader made of the file): every defect of that rule that the
expected files list is found on its cells, and no other — the prose of these reports quotes parts after
totals ("其中…各乡镇…"), a clean-up's list of documents in force, last year's totals, and figures in words.

hongze_2024.pdf prints its prose in a framed box, and its defect ("受理政府" / "信息公开申请 17 件" against
95) wraps over two of the box's lines: it is found because the PDF adapter reads the box as paragraphs."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from gongkai.reports.audit.reader import read_report
from gongkai.reports.rules import run_rules

REAL_REPORTS = Path(__file__).resolve().parent / "real_reports"
EXPECTED = {
    path.stem: json.loads(path.read_text(encoding="utf-8"))
    for path in (REAL_REPORTS / "expected").glob("*.json")
}


def _with_expected_cells(expected: dict[str, Any]) -> list[list[str]]:
    report = read_report(REAL_REPORTS / expected["file"])
    report.findings = []
    for key, value in expected["cells"].items():
        if isinstance(value, str):
            report.extras[key] = value  # item20_9.procurement.amount_unit
        else:
            report.cells[key] = Decimal(str(value)) if isinstance(value, float) else value
    return sorted(f.keys for f in run_rules(report) if f.rule == "narrative_mismatch")


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_the_listed_narrative_defects_are_found_and_no_other(stem: str) -> None:
    expected = EXPECTED[stem]
    listed = sorted(d["keys"] for d in expected["defects"] if d["rule"] == "narrative_mismatch")
    assert _with_expected_cells(expected) == listed
