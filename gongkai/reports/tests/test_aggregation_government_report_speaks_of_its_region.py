"""A government's report is the region's: its content holds the summed cells and the drill-down per
body, its drafted overview speaks of 全县/全市 (not 本机关) and quotes only what the records can tell for
the whole region, and a department's report is unchanged."""

from __future__ import annotations

import json
from datetime import date

import pytest

from gongkai.agencies.models import Agency
from gongkai.appeals.tests.factories import make_application
from gongkai.reports.annual.aggregation import region_subject
from gongkai.reports.annual.check import check_content
from gongkai.reports.annual.content import ReportContent, build_content, drafted_overview
from gongkai.reports.models import AnnualReport
from gongkai.reports.tests.aggregation_factories import import_report, make_county, zero_cells

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "level", "subject"),
    [
        ("象山县人民政府", "county", "全县各级行政机关"),
        ("慈溪市人民政府", "county", "全市各级行政机关"),
        ("宁波市海曙区人民政府", "county", "全区各级行政机关"),
        ("景宁畲族自治县人民政府", "county", "全县各级行政机关"),
        ("浙江省人民政府", "province", "全省各级行政机关"),
        ("广西壮族自治区人民政府", "province", "全区各级行政机关"),
        ("某开发区管委会", "county", "本行政区域各级行政机关"),
    ],
)
def test_the_region_is_named_from_the_government_s_name(name: str, level: str, subject: str) -> None:
    assert region_subject(Agency(name=name, level=level, kind="government")) == subject


def test_the_government_s_content_is_the_sum_with_a_drill_down_and_a_regional_overview() -> None:
    county = make_county()
    make_application(county.police, received_on=date(2024, 3, 1), closed_on=date(2024, 3, 5))
    make_application(county.town, received_on=date(2024, 4, 1), closed_on=date(2024, 4, 3))

    content = build_content(county.government, 2024, today=date(2025, 2, 1))

    assert content.cells["requests.new_received.total"] == 2
    assert [m.code for m in content.members] == ["XS", "XS-CZ", "XS-GA", "XS-DX"]
    assert "2024年，全县各级行政机关新收政府信息公开申请2件" in content.overview
    assert "本机关" not in content.overview
    # Every body's records are here: the promptness of the replies may be quoted for the region.
    assert "按期答复2件" in content.overview
    assert drafted_overview(county.government, 2024) == content.overview
    assert ReportContent.from_json(json.loads(json.dumps(content.as_json()))) == content

    department = build_content(county.police, 2024, today=date(2025, 2, 1))
    assert "2024年，本机关新收政府信息公开申请1件" in department.overview
    assert department.members == []


def test_with_a_member_s_report_imported_the_overview_quotes_no_record_facts_for_the_region() -> None:
    county = make_county()
    make_application(county.town, received_on=date(2024, 4, 1), closed_on=date(2024, 4, 3))
    cells = zero_cells()
    for row in ("new_received", "results_total", "disclosed"):
        cells[f"requests.{row}.natural_person"] = cells[f"requests.{row}.total"] = 7
    import_report(county.police, 2024, cells)

    content = build_content(county.government, 2024, today=date(2025, 2, 1))

    assert "新收政府信息公开申请8件" in content.overview
    assert "按期答复" not in content.overview  # the records know of 1 of the 8 replies only


def test_the_generated_government_report_passes_the_rules() -> None:
    county = make_county()
    make_application(county.police, received_on=date(2024, 3, 1), closed_on=date(2024, 3, 5))
    make_application(county.finance, received_on=date(2023, 12, 20))
    drafted = build_content(county.government, 2024)
    report = AnnualReport(
        agency=county.government, year=2024, format="2021", overview=drafted.overview, problems="问题与改进。"
    )

    checked = check_content(build_content(county.government, 2024, report, today=date(2025, 2, 1)))

    assert [f for f in checked.findings if f.severity == "error"] == []
    assert "narrative_mismatch" not in {f.rule for f in checked.findings}
