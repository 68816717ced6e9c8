"""Records that reproduce the tables of seed 002 (慈溪市人民政府办公室 2023) give exactly its cells, and
the generated report, read back by Gongkai's own reader, has those cells and passes every rule."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.agencies.models import Membership
from gongkai.appeals.tests.factories import make_agency, make_user
from gongkai.reports.annual.check import check_content
from gongkai.reports.annual.content import build_content
from gongkai.reports.annual.text import report_text
from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.models import AnnualReport
from gongkai.reports.tests.annual_factories import make_records
from gongkai.reports.tests.seed_reports import seed

pytestmark = pytest.mark.django_db

PROBLEMS = "2023年，我办推进政务公开工作虽然取得了一定成效，但重大决策公开需进一步深化。下一步将聚焦重点环节，高质量抓好主动公开。"


def test_the_computed_cells_are_the_seeds_cells() -> None:
    expected = seed("002").cells
    agency = make_agency("CX-ZFB", "慈溪市人民政府办公室")
    make_records(agency, 2023, expected, by=make_user(agency, Membership.Role.STAFF))
    content = build_content(agency, 2023, today=date(2024, 1, 11))
    assert content.cells == expected


def test_the_generated_report_reads_back_with_the_same_cells_and_no_finding() -> None:
    expected = seed("002").cells
    agency = make_agency("CX-ZFB", "慈溪市人民政府办公室")
    make_records(agency, 2023, expected, by=make_user(agency, Membership.Role.STAFF))
    report = AnnualReport(agency=agency, year=2023, format="2021", problems=PROBLEMS)
    report.overview = build_content(agency, 2023).overview
    content = build_content(agency, 2023, report, today=date(2024, 1, 11))

    read = read_report_bytes(report_text(content).encode(), "cixi-2023.txt")
    checked = check_content(content)

    assert read.format == "2021" and read.year == 2023 and read.agency_name == "慈溪市人民政府办公室"
    assert read.period == (date(2023, 1, 1), date(2023, 12, 31))
    assert read.cells == expected
    assert read.findings == []
    assert [(f.rule, f.message) for f in checked.findings] == []
