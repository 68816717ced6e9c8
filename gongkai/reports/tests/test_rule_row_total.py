"""row_total: the 总计 column is the sum of the applicant columns, row by row."""

from __future__ import annotations

from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report


def test_a_row_whose_total_is_not_the_sum_of_its_applicants_is_an_error() -> None:
    report = build_report(
        cells={"requests.disclosed.commercial_enterprise": 1, "requests.disclosed.total": 5}
    )

    findings = [f for f in run_rules(report) if f.rule == "row_total"]

    assert len(findings) == 1
    assert findings[0].severity == "error"
    assert (
        findings[0].message == "三（一）予以公开：总计为5，自然人与各类法人或其他组织之和为6（5+1+0+0+0+0）"
    )
    assert findings[0].keys[0] == "requests.disclosed.total"
