"""Every cell of tables 二, 三 and 四 of seeds 002 (format 2021) and 003 (format 2019), as printed."""

from __future__ import annotations

from collections.abc import Mapping

from gongkai.reports.audit.reader import read_report
from gongkai.reports.formats import REQUEST_COLUMNS, all_keys
from gongkai.reports.tests.corpus.forms import seed

# Table 三, row by row: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
REQUESTS_002 = {
    "new_received": (102, 1, 0, 0, 0, 0, 103),
    "carried_in": (0, 0, 0, 0, 0, 0, 0),
    "disclosed": (15, 0, 0, 0, 0, 0, 15),
    "partially_disclosed": (26, 1, 0, 0, 0, 0, 27),
    "withheld_state_secret": (0, 0, 0, 0, 0, 0, 0),
    "withheld_prohibited_by_law": (0, 0, 0, 0, 0, 0, 0),
    "withheld_security_stability": (0, 0, 0, 0, 0, 0, 0),
    "withheld_third_party": (0, 0, 0, 0, 0, 0, 0),
    "withheld_internal_affairs": (2, 0, 0, 0, 0, 0, 2),
    "withheld_process_info": (1, 0, 0, 0, 0, 0, 1),
    "withheld_enforcement_file": (0, 0, 0, 0, 0, 0, 0),
    "withheld_administrative_query": (2, 0, 0, 0, 0, 0, 2),
    "unavailable_not_held": (54, 0, 0, 0, 0, 0, 54),
    "unavailable_needs_creation": (1, 0, 0, 0, 0, 0, 1),
    "unavailable_unclear": (0, 0, 0, 0, 0, 0, 0),
    "not_processed_petition": (0, 0, 0, 0, 0, 0, 0),
    "not_processed_duplicate": (1, 0, 0, 0, 0, 0, 1),
    "not_processed_publication": (0, 0, 0, 0, 0, 0, 0),
    "not_processed_excessive": (0, 0, 0, 0, 0, 0, 0),
    "not_processed_confirmation": (0, 0, 0, 0, 0, 0, 0),
    "other_no_correction": (0, 0, 0, 0, 0, 0, 0),
    "other_fee_unpaid": (0, 0, 0, 0, 0, 0, 0),
    "other_other": (0, 0, 0, 0, 0, 0, 0),
    "results_total": (102, 1, 0, 0, 0, 0, 103),
    "carried_out": (0, 0, 0, 0, 0, 0, 0),
}
REQUESTS_003 = {
    "new_received": (167, 4, 0, 0, 0, 1, 172),
    "carried_in": (4, 0, 0, 0, 0, 0, 4),
    "disclosed": (87, 0, 0, 0, 0, 1, 88),
    "partially_disclosed": (16, 1, 0, 0, 0, 0, 17),
    "withheld_state_secret": (0, 0, 0, 0, 0, 0, 0),
    "withheld_prohibited_by_law": (1, 0, 0, 0, 0, 0, 1),
    "withheld_security_stability": (0, 0, 0, 0, 0, 0, 0),
    "withheld_third_party": (1, 0, 0, 0, 0, 0, 1),
    "withheld_internal_affairs": (2, 1, 0, 0, 0, 0, 3),
    "withheld_process_info": (2, 0, 0, 0, 0, 0, 2),
    "withheld_enforcement_file": (3, 0, 0, 0, 0, 0, 3),
    "withheld_administrative_query": (4, 0, 0, 0, 0, 0, 4),
    "unavailable_not_held": (37, 2, 0, 0, 0, 0, 39),
    "unavailable_needs_creation": (1, 0, 0, 0, 0, 0, 1),
    "unavailable_unclear": (1, 0, 0, 0, 0, 0, 1),
    "not_processed_petition": (0, 0, 0, 0, 0, 0, 0),
    "not_processed_duplicate": (7, 0, 0, 0, 0, 0, 7),
    "not_processed_publication": (0, 0, 0, 0, 0, 0, 0),
    "not_processed_excessive": (0, 0, 0, 0, 0, 0, 0),
    "not_processed_confirmation": (0, 0, 0, 0, 0, 0, 0),
    "other_processing": (9, 0, 0, 0, 0, 0, 9),
    "results_total": (170, 4, 0, 0, 0, 1, 175),  # as printed: the rows above sum to 171 and 176
    "carried_out": (1, 0, 0, 0, 0, 0, 1),
}
# Table 四: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计 for 复议, 直接起诉, 复议后起诉.
APPEALS_002 = {
    "reconsideration": (0, 0, 0, 1, 1),
    "litigation_direct": (5, 0, 0, 2, 7),
    "litigation_after_reconsideration": (1, 0, 0, 0, 1),
}
APPEALS_003 = {
    "reconsideration": (6, 2, 1, 0, 9),
    "litigation_direct": (1, 0, 3, 2, 6),
    "litigation_after_reconsideration": (1, 0, 1, 0, 2),
}
PROACTIVE_002 = {
    "item20_1.regulations.issued": 0,
    "item20_1.regulations.repealed": 0,
    "item20_1.regulations.in_force": 0,
    "item20_1.normative_documents.issued": 14,
    "item20_1.normative_documents.repealed": 60,
    "item20_1.normative_documents.in_force": 265,
    "item20_5.licensing.decisions": 0,
    "item20_6.penalty.decisions": 0,
    "item20_6.coercion.decisions": 0,
    "item20_8.fees.amount_10k_yuan": 0,
}
PROACTIVE_003 = {
    "item20_1.regulations.newly_made": 0,
    "item20_1.regulations.newly_published": 0,
    "item20_1.regulations.total_published": 0,
    "item20_1.normative_documents.newly_made": 39,
    "item20_1.normative_documents.newly_published": 39,
    "item20_1.normative_documents.total_published": 222,
    "item20_5.licensing.prev_year_items": 1152,
    "item20_5.licensing.change": 20,
    "item20_5.licensing.decisions": 57845,
    "item20_5.other_services.prev_year_items": 1255,
    "item20_5.other_services.change": 51,
    "item20_5.other_services.decisions": 415826,
    "item20_6.penalty.prev_year_items": 2939,
    "item20_6.penalty.change": 2,
    "item20_6.penalty.decisions": 8179,
    "item20_6.coercion.prev_year_items": 106,
    "item20_6.coercion.change": 1,
    "item20_6.coercion.decisions": 2807,
    "item20_8.fees.prev_year_items": 39,
    "item20_8.fees.change": 3,
    "item20_9.procurement.projects": 823,
    "item20_9.procurement.amount": 189131144,
}


def expected_cells(
    proactive: dict[str, int],
    requests: Mapping[str, tuple[int, ...]],
    appeals: Mapping[str, tuple[int, ...]],
) -> dict[str, int]:
    cells = dict(proactive)
    for row, values in requests.items():
        cells.update(
            {f"requests.{row}.{column}": value for column, value in zip(REQUEST_COLUMNS, values, strict=True)}
        )
    for row, values in appeals.items():
        columns = ("upheld", "corrected", "other", "pending", "total")
        cells.update(
            {f"appeals.{row}.{column}": value for column, value in zip(columns, values, strict=True)}
        )
    return cells


def test_seed_002_gives_every_cell_of_the_2021_format_as_printed() -> None:
    report = read_report(seed("002"))
    expected = expected_cells(PROACTIVE_002, REQUESTS_002, APPEALS_002)
    assert list(report.cells) == all_keys("2021")
    assert report.cells == expected
    assert set(report.cell_lines) == set(expected)


def test_seed_003_gives_every_cell_of_the_2019_format_as_printed() -> None:
    report = read_report(seed("003"))
    expected = expected_cells(PROACTIVE_003, REQUESTS_003, APPEALS_003)
    assert list(report.cells) == all_keys("2019")
    assert report.cells == expected
    assert set(report.cell_lines) == set(expected)


def test_the_2019_procurement_amount_keeps_its_printed_unit_which_seed_003_omits() -> None:
    report = read_report(seed("003"))
    assert "item20_9.procurement.amount_unit" in report.extras
    assert report.extras["item20_9.procurement.amount_unit"] is None


def test_each_cell_line_is_the_line_its_figure_is_printed_on() -> None:
    report = read_report(seed("002"))
    assert report.lines[report.cell_lines["requests.new_received.total"] - 1] == "\t103"
    assert report.lines[report.cell_lines["item20_1.normative_documents.in_force"] - 1] == "\t265"
    assert report.lines[report.cell_lines["appeals.litigation_direct.total"] - 1] == "\t7"
