"""Many 乡镇 receive no application in a year and still publish: their report has tables 三 and 四 of
zeros, the figures never entered are blank (never a silent 0) with a `blank_cell` warning, and nothing
is an error."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.agencies.services import agency_add
from gongkai.reports import formats
from gongkai.reports.annual.check import check_content
from gongkai.reports.annual.content import build_content
from gongkai.reports.models import AnnualReport

pytestmark = pytest.mark.django_db


def test_zeros_blank_figures_and_the_findings_that_say_so() -> None:
    town = agency_add(code="XS-DX", name="象山县丹西街道办事处", kind="township", level="township")
    content = build_content(town, 2024, today=date(2025, 1, 10))

    assert all(content.cells[key] == 0 for key in formats.request_keys("2021") + formats.appeal_keys())
    assert all(content.cells[key] is None for key in formats.proactive_keys("2021"))
    assert "未收到政府信息公开申请" in content.overview

    report = AnnualReport(agency=town, year=2024, format="2021", overview=content.overview, problems="")
    checked = check_content(build_content(town, 2024, report, today=date(2025, 1, 10)))
    rules = {f.rule: f.severity for f in checked.findings}
    assert rules.get("blank_cell") == "warning"
    assert rules.get("empty_section") == "warning"  # 五 left empty
    assert "error" not in rules.values()
