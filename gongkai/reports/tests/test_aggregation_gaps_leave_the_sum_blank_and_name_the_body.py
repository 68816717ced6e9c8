"""A sum is only as whole as its parts: a member whose report is in another format, or has blank cells,
or whose yearly figures were never entered, leaves the sum's cells blank (never a silent 0), and both
the drill-down note and a warning of the government report's check name that body."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.reports import formats
from gongkai.reports.annual.aggregation import GAP_RULE, aggregated_cells
from gongkai.reports.annual.check import check_content
from gongkai.reports.annual.content import build_content
from gongkai.reports.models import AnnualReport, YearlyFigure
from gongkai.reports.tests.aggregation_factories import County, import_report, make_county, zero_cells

pytestmark = pytest.mark.django_db


def enter_all(county: County, year: int = 2024) -> None:
    for agency in (county.government, county.finance, county.police, county.town):
        for key in formats.proactive_keys(formats.format_for_year(year)):
            YearlyFigure.objects.create(agency=agency, year=year, key=key, value=1, entered_by=county.staff)


def test_an_imported_report_in_another_format_blanks_every_cell_and_says_which_body() -> None:
    county = make_county()
    enter_all(county)
    import_report(county.police, 2024, zero_cells("2019"), fmt="2019")

    cells, _, members = aggregated_cells(county.government, 2024)

    assert all(value is None for value in cells.values())
    police = next(m for m in members if m.code == "XS-GA")
    assert "国办公开办函〔2019〕60号格式" in police.note and "不同" in police.note
    assert len(police.blank_keys) == len(formats.all_keys("2021"))
    assert [m.note for m in members if m.code != "XS-GA"] == ["", "", ""]


def test_a_blank_cell_of_an_imported_report_blanks_that_cell_of_the_sum_only() -> None:
    county = make_county()
    enter_all(county)
    cells = zero_cells()
    cells["appeals.reconsideration.upheld"] = None
    import_report(county.police, 2024, cells)

    summed, _, members = aggregated_cells(county.government, 2024)

    assert summed["appeals.reconsideration.upheld"] is None
    assert summed["appeals.reconsideration.total"] == 0
    assert summed["item20_5.licensing.decisions"] == 3  # 1 entered by each of three, 0 imported
    police = next(m for m in members if m.code == "XS-GA")
    assert police.blank_keys == ["appeals.reconsideration.upheld"]
    assert "1处空白" in police.note and "行政复议" in police.note


def test_figures_never_entered_by_a_member_blank_table_two_of_the_sum() -> None:
    county = make_county()
    enter_all(county)
    YearlyFigure.objects.filter(agency=county.town, key="item20_6.penalty.decisions").delete()

    cells, _, members = aggregated_cells(county.government, 2024)

    assert cells["item20_6.penalty.decisions"] is None
    assert cells["item20_6.coercion.decisions"] == 4
    town = next(m for m in members if m.code == "XS-DX")
    assert town.blank_keys == ["item20_6.penalty.decisions"] and "行政处罚" in town.note


def test_the_government_report_s_check_warns_and_names_each_such_body() -> None:
    county = make_county()
    enter_all(county)
    import_report(county.police, 2024, zero_cells("2019"), fmt="2019")
    report = AnnualReport(agency=county.government, year=2024, format="2021", problems="问题与改进。")
    content = build_content(county.government, 2024, report, today=date(2025, 2, 1))

    checked = check_content(content)

    gaps = [f for f in checked.findings if f.rule == GAP_RULE]
    assert len(gaps) == 1 and gaps[0].severity == "warning"
    assert gaps[0].message.startswith("汇总的象山县公安局（导入的已发布报告）：")
    assert "blank_cell" in {f.rule for f in checked.findings}
    severities = [f.severity for f in checked.findings]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


def test_an_unbalanced_imported_report_is_named_too() -> None:
    county = make_county()
    enter_all(county)
    cells = zero_cells()
    cells["requests.new_received.natural_person"] = cells["requests.new_received.total"] = 5
    import_report(county.police, 2024, cells)

    summed, _, members = aggregated_cells(county.government, 2024)

    police = next(m for m in members if m.code == "XS-GA")
    assert "不满足勾稽关系" in police.note
    assert summed["requests.new_received.total"] == 5


def test_a_2019_procurement_amount_in_yuan_is_summed_in_wan_yuan_and_one_without_unit_is_not() -> None:
    county = make_county()
    enter_all(county, 2020)
    amount = "item20_9.procurement.amount"
    cells = zero_cells("2019")
    cells[amount] = 25000
    import_report(county.police, 2020, cells, fmt="2019", extras={"item20_9.procurement.amount_unit": "元"})

    summed, extras, _ = aggregated_cells(county.government, 2020)
    assert str(summed[amount]) == "5.5"  # 3 × 1 万元 entered + 2.5 万元
    assert extras == {"item20_9.procurement.amount_unit": "万元"}

    import_report(county.finance, 2020, cells, fmt="2019")  # no unit printed
    summed, _, members = aggregated_cells(county.government, 2020)
    assert summed[amount] is None
    assert "单位" in next(m for m in members if m.code == "XS-CZ").note
