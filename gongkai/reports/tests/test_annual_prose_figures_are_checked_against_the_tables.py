"""Every figure quoted in a generated report's prose is checked against its tables by the rule that
audits published reports (`narrative_mismatch`): a figure staff change in the overview is caught."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.agencies.models import Membership
from gongkai.appeals.tests.factories import make_agency, make_user
from gongkai.reports.annual.check import check_content
from gongkai.reports.annual.content import build_content
from gongkai.reports.models import AnnualReport
from gongkai.reports.tests.annual_factories import make_records
from gongkai.reports.tests.seed_reports import seed

pytestmark = pytest.mark.django_db


def test_an_edited_figure_that_contradicts_the_table_is_a_narrative_mismatch() -> None:
    agency = make_agency("CX-ZFB", "慈溪市人民政府办公室")
    make_records(agency, 2023, seed("002").cells, by=make_user(agency, Membership.Role.STAFF))
    drafted = build_content(agency, 2023).overview
    assert "新收政府信息公开申请103件" in drafted
    report = AnnualReport(
        agency=agency,
        year=2023,
        format="2021",
        overview=drafted.replace("新收政府信息公开申请103件", "新收政府信息公开申请130件"),
        problems="存在解读形式单一的问题，下一步将丰富解读形式。",
    )
    checked = check_content(build_content(agency, 2023, report, today=date(2024, 1, 11)))
    mismatches = [f for f in checked.findings if f.rule == "narrative_mismatch"]
    assert len(mismatches) == 1
    assert "130" in mismatches[0].message and "requests.new_received.total" in mismatches[0].keys
