"""The dashboard page lists every body of the region with its status, days left or late, rule results
and figures beside last year's; it filters by status and kind; and the export is that list as XLSX — a
bold, frozen header, sized columns, figures as numbers (the share as a percentage), blanks left empty."""

from __future__ import annotations

import io
from datetime import date

import pytest
import time_machine
from openpyxl import load_workbook

from gongkai.agencies.models import Membership
from gongkai.appeals.tests.factories import make_application, make_user
from gongkai.reports.models import AnnualReport
from gongkai.reports.tests.aggregation_factories import (
    County,
    import_report,
    make_county,
    publish,
    zero_cells,
)
from gongkai.reports.tests.audit_web_factories import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def february() -> object:
    with time_machine.travel(date(2025, 2, 10), tick=False):
        yield


def county_in_february() -> County:
    county = make_county()
    make_application(county.finance, received_on=date(2024, 3, 1), closed_on=date(2024, 3, 9))
    make_application(county.finance, received_on=date(2023, 3, 1), closed_on=date(2023, 3, 9))
    make_application(
        county.finance,
        received_on=date(2023, 4, 1),
        closed_on=date(2023, 4, 9),
        result="unavailable_not_held",
    )
    publish(county.finance, 2024, county.staff, published_on=date(2025, 1, 28))
    cells = zero_cells()
    cells["requests.new_received.total"] = cells["requests.results_total.total"] = 4
    cells["requests.disclosed.total"] = 1
    import_report(county.police, 2024, cells, published_on=date(2025, 2, 3))
    AnnualReport.objects.create(
        agency=county.town, year=2024, format="2021", state="submitted",
        findings=[{"rule": "blank_cell", "severity": "warning", "message": "…", "keys": []}], checked_at="2025-01-30T08:00Z",
    )  # fmt: skip
    return county


def supervisor_client(county: County):  # type: ignore[no-untyped-def]
    return client_for(make_user(county.government, Membership.Role.SUPERVISOR, username="supervisor"))


def test_the_page_shows_each_body_with_its_status_and_figures() -> None:
    county = county_in_february()
    page = supervisor_client(county).get("/staff/reports/supervision/XS/").content.decode()

    assert "象山县人民政府 · 2024年度政府信息公开工作年度报告" in page  # last year's reports by default
    assert "剩10天" in page  # the government: 20 February
    assert "已发布（按时）" in page and "2025-01-28" in page
    assert "外部发布（已导入）" in page and "逾期3天" in page
    assert "逾期未发布" in page and "已提交审核" in page  # 丹西街道, its report submitted but not published
    assert "由其他机关报告" not in page
    assert 'href="/staff/reports/supervision/XS/2024/coverage/"' in page
    assert "25%" in page  # 予以公开 of the imported report


def test_filters_by_status_and_kind() -> None:
    county = county_in_february()
    client = supervisor_client(county)
    overdue = client.get("/staff/reports/supervision/XS/?year=2024&status=overdue").content.decode()
    assert "象山县丹西街道办事处" in overdue and "象山县财政局" not in overdue
    towns = client.get("/staff/reports/supervision/XS/?year=2024&kind=township").content.decode()
    assert "象山县丹西街道办事处" in towns and "象山县公安局" not in towns
    nothing = client.get("/staff/reports/supervision/XS/?year=2024&status=covered").content.decode()
    assert "没有符合条件的机关" in nothing


def test_a_bad_filter_falls_back_to_the_defaults() -> None:
    county = county_in_february()
    response = supervisor_client(county).get(
        "/staff/reports/supervision/XS/?year=1900&status=<script>&kind=x"
    )
    assert response.status_code == 200
    assert "2024年度政府信息公开工作年度报告" in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_the_export_is_the_filtered_list_with_numbers_as_numbers() -> None:
    county = county_in_february()
    response = supervisor_client(county).get(
        "/staff/reports/supervision/XS/export.xlsx?year=2024&kind=department"
    )

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["机关", "机关代码", "类型", "状态"]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["A"].width == 30
    rows = {
        row[0]: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert set(rows) == {"象山县财政局", "象山县公安局", "象山县公安局交通警察大队"}
    finance = rows["象山县财政局"]
    assert finance["状态"] == "已发布（按时）"
    assert finance["本年新收（本年）"] == 1 and finance["本年新收（上年）"] == 2
    assert finance["予以公开占比（上年）"] == 0.5
    assert finance["发布日期"].date() == date(2025, 1, 28)
    police = rows["象山县公安局"]
    assert (police["逾期天数"], police["错误"], police["结转下年（上年）"]) == (3, 0, 0)
    assert rows["象山县公安局交通警察大队"]["剩余天数"] is None
    share = sheet.cell(row=2, column=header.index("予以公开占比（本年）") + 1)
    assert share.number_format == "0.0%"
