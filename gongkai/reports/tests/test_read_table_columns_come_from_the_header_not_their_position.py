"""A table's figures are mapped to cells by its header's headings, not by their position: the
columns of table 三 or 四 printed in another order, with a regional column added, or under a
header split over two or three rows (rowspan, colspan, as a CMS prints it) give the cells of the
original; a header that cannot be recognised leaves the table's cells empty with `ambiguous_cell`
and `tables_unread`, never filled by position."""

from __future__ import annotations

import html
from functools import cache

import pytest

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_report, read_report_bytes
from gongkai.reports.tests.corpus import forms

REQUEST_HEADINGS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


@cache
def original(name: str) -> ParsedReport:
    return read_report(forms.seed(name))


def _table(blocks: list[forms.Block], word: str) -> int:
    return next(i for i, b in enumerate(blocks) if isinstance(b, forms.Table) and word in str(b.rows[:3]))


def _has_figure(row: list[str]) -> bool:
    return any(cell.strip().isdigit() for cell in row)


def _read_text(blocks: list[forms.Block]) -> ParsedReport:
    return read_report_bytes(forms.to_text(blocks).encode(), "report.txt")


def _requests_permuted(name: str, order: list[int]) -> list[forms.Block]:
    """The seed with table 三's seven value columns printed in `order` (indexes into 自然人 …
    总计), header and body alike, as the seeds print a header: 自然人 | 法人或其他组织 | 总计 over
    a row of the five kinds of 法人或其他组织."""
    blocks = list(forms.seed_blocks(name))
    index = _table(blocks, "申请人情况")
    table = blocks[index]
    assert isinstance(table, forms.Table)
    top: list[str] = []
    for i in order:
        if i in (0, 6):
            top.append(REQUEST_HEADINGS[i])
        elif "法人或其他组织" not in top:
            top.append("法人或其他组织")
    kinds = [REQUEST_HEADINGS[i] for i in order if 0 < i < 6]
    rows = [table.rows[0], ["", *top], ["", *([""] * (7 - len(kinds))), *kinds]]
    for row in table.rows[3:]:
        values = row[-7:]
        rows.append([*row[:-7], *(values[i] for i in order)])
    blocks[index] = forms.Table(rows)
    return blocks


def _requests_cells(report: ParsedReport) -> dict[str, object]:
    return {key: value for key, value in report.cells.items() if key.startswith("requests.")}


def _clean(report: ParsedReport) -> bool:
    return not [f for f in report.findings if f.rule in ("tables_unread", "ambiguous_cell", "bad_number")]


@pytest.mark.parametrize("order", [[6, 0, 1, 2, 3, 4, 5], [0, 5, 4, 3, 2, 1, 6], [1, 2, 3, 4, 5, 6, 0]])
@pytest.mark.parametrize("name", ["002", "003"])
def test_table_three_with_its_columns_in_another_order_gives_the_same_cells(
    name: str, order: list[int]
) -> None:
    blocks = _requests_permuted(name, order)
    for report in (_read_text(blocks), read_report_bytes(forms.to_docx(blocks), "report.docx")):
        assert report.cells == original(name).cells
        assert _clean(report)


def _with_extra_request_column(name: str) -> list[forms.Block]:
    """Table 三 with a regional column after 总计 (备注), holding a figure in every body row."""
    blocks = list(forms.seed_blocks(name))
    index = _table(blocks, "申请人情况")
    table = blocks[index]
    assert isinstance(table, forms.Table)
    rows = [table.rows[0], [*table.rows[1], "备注（其中网上申请）"], [*table.rows[2], ""]]
    rows += [[*row, "9"] for row in table.rows[3:]]
    blocks[index] = forms.Table(rows)
    return blocks


@pytest.mark.parametrize("name", ["002", "003"])
def test_table_three_with_a_regional_column_added_gives_the_same_cells(name: str) -> None:
    blocks = _with_extra_request_column(name)
    for report in (_read_text(blocks), read_report_bytes(forms.to_html(blocks), "report.html")):
        assert report.cells == original(name).cells
        assert _clean(report)


def _old_table_with_cumulative(name: str, cumulative_first: bool) -> list[forms.Block]:
    """The old table with a 历年累计 column beside 统计数 (after it, or before it)."""
    blocks = list(forms.seed_blocks(name))
    index = _table(blocks, "统")
    table = blocks[index]
    assert isinstance(table, forms.Table)
    rows = []
    for number, row in enumerate(table.rows):
        extra = "历年累计" if number == 0 else ("99999" if row[-1].strip() else "")
        rows.append([*row[:2], extra, row[2]] if cumulative_first else [*row, extra])
    blocks[index] = forms.Table(rows)
    return blocks


@pytest.mark.parametrize("cumulative_first", [False, True])
@pytest.mark.parametrize("name", ["000", "004"])
def test_the_old_table_with_a_cumulative_column_gives_the_current_year(
    name: str, cumulative_first: bool
) -> None:
    report = _read_text(_old_table_with_cumulative(name, cumulative_first))
    assert report.cells == original(name).cells


def _html_page(blocks: list[forms.Block], word: str, table_html: str) -> bytes:
    """The seed as a web page, one of its tables replaced by `table_html`."""
    index = _table(blocks, word)
    marked = [*blocks[:index], "@@TABLE@@", *blocks[index + 1 :]]
    page = forms.to_html(marked).decode()
    return page.replace("<p>@@TABLE@@</p>", table_html).encode()


def _td(text: str, rowspan: int = 1, colspan: int = 1) -> str:
    spans = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    return f"<td{spans}>{html.escape(text)}</td>"


def test_table_three_under_a_header_of_rowspans_and_colspans_in_another_order_gives_the_same_cells() -> None:
    # 总计 first, then 法人或其他组织 over its five kinds in reverse, then 自然人 — with the spans a
    # CMS prints: the order comes from the columns each heading covers.
    blocks = list(forms.seed_blocks("002"))
    table = blocks[_table(blocks, "申请人情况")]
    assert isinstance(table, forms.Table)
    order = [6, 5, 4, 3, 2, 1, 0]
    head = [
        "<tr>" + _td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3)
        + _td("申请人情况", 1, 7) + "</tr>",
        "<tr>" + _td("总计", 2) + _td("法人或其他组织", 1, 5) + _td("自然人", 2) + "</tr>",
        "<tr>" + "".join(_td(REQUEST_HEADINGS[i]) for i in order if 0 < i < 6) + "</tr>",
    ]  # fmt: skip
    body = []
    for row in table.rows[3:]:
        labels = [cell for cell in row[:-7] if cell.strip()]
        cells = [_td(labels[0], 1, 3)] if len(labels) == 1 else [_td(labels[0]), _td(labels[-1], 1, 2)]
        values = row[-7:]
        body.append("<tr>" + "".join(cells) + "".join(_td(values[i]) for i in order) + "</tr>")
    page = _html_page(blocks, "申请人情况", '<table border="1">' + "".join(head + body) + "</table>")
    report = read_report_bytes(page, "report.html")
    assert report.cells == original("002").cells
    assert _clean(report)


def test_table_four_under_a_three_level_header_in_another_order_gives_the_same_cells() -> None:
    # 行政诉讼 (复议后起诉, then 未经复议直接起诉) before 行政复议; 行政复议's outcomes, 总计 first,
    # stand in the second row (rowspan 2) after 行政诉讼's two headings, the others' in the third:
    # only the columns each heading covers tell which outcomes are whose.
    blocks = list(forms.seed_blocks("002"))
    table = blocks[_table(blocks, "行政复议")]
    assert isinstance(table, forms.Table)
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    first_total = [outcomes[4], *outcomes[:4]]
    head = [
        "<tr>" + _td("行政诉讼", 1, 10) + _td("行政复议", 1, 5) + "</tr>",
        "<tr>" + _td("复议后起诉", 1, 5) + _td("未经复议直接起诉", 1, 5)
        + "".join(_td(o, 2) for o in first_total) + "</tr>",
        "<tr>" + "".join(_td(o) for o in outcomes * 2) + "</tr>",
    ]  # fmt: skip
    values = table.rows[-1]  # the seed's: 复议, 直接起诉, 复议后起诉, each 维持 纠正 其他 尚未 总计
    row = [*values[10:15], *values[5:10], values[4], *values[0:4]]
    body = "<tr>" + "".join(_td(v) for v in row) + "</tr>"
    page = _html_page(blocks, "行政复议", '<table border="1">' + "".join(head) + body + "</table>")
    report = read_report_bytes(page, "report.html")
    assert report.cells == original("002").cells
    assert _clean(report)


def test_table_three_under_a_header_not_recognised_is_left_empty_and_said_so() -> None:
    blocks = _requests_permuted("002", [0, 1, 2, 3, 4, 5, 6])
    index = _table(blocks, "申请人情况")
    table = blocks[index]
    assert isinstance(table, forms.Table)
    # The headings of a table laid out by someone else: none of them a column of the format.
    table.rows[1] = ["", "甲类", "乙类", "丙类"]
    table.rows[2] = ["", "", "子一", "子二", "子三", "子四", "子五", ""]
    for report in (_read_text(blocks), read_report_bytes(forms.to_html(blocks, colspans=True), "r.html")):
        assert all(value is None for value in _requests_cells(report).values())
        ambiguous = [f for f in report.findings if f.rule == "ambiguous_cell"]
        assert ambiguous and "表头未能识别" in ambiguous[0].message
        assert "requests.new_received.total" in ambiguous[0].keys
        unread = next(f for f in report.findings if f.rule == "tables_unread")
        assert unread.severity == "error" and "requests.new_received.natural_person" in unread.keys
        # The other tables are read as before.
        assert (
            report.cells["appeals.reconsideration.total"]
            == original("002").cells["appeals.reconsideration.total"]
        )


def test_table_three_whose_header_lacks_a_column_is_not_read_by_position() -> None:
    blocks = _requests_permuted("002", [0, 1, 2, 3, 4, 5, 6])
    table = blocks[_table(blocks, "申请人情况")]
    assert isinstance(table, forms.Table)
    table.rows[2] = ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "", ""]  # 其他 lost
    report = _read_text(blocks)
    assert report.cells["requests.new_received.natural_person"] is None
    assert any(f.rule == "ambiguous_cell" and "表头未能识别" in f.message for f in report.findings)


def test_table_four_under_a_header_not_recognised_is_left_empty_and_said_so() -> None:
    blocks = list(forms.seed_blocks("002"))
    index = _table(blocks, "行政复议")
    seed_table = blocks[index]
    assert isinstance(seed_table, forms.Table)
    table = blocks[index] = forms.Table(list(seed_table.rows))  # the seed's own blocks stay as they are
    table.rows[1] = ["第一栏", "第二栏", "第三栏", "第四栏", "第五栏", "未经复议直接起诉", "复议后起诉"]
    report = _read_text(blocks)
    appeals = {k: v for k, v in report.cells.items() if k.startswith("appeals.")}
    assert all(value is None for value in appeals.values())
    assert any(f.rule == "ambiguous_cell" and "表四的表头未能识别" in f.message for f in report.findings)
    assert any(
        f.rule == "tables_unread" and "appeals.reconsideration.total" in f.keys for f in report.findings
    )


def test_a_table_two_item_without_its_header_row_is_not_read_by_position() -> None:
    blocks = list(forms.seed_blocks("002"))
    index = _table(blocks, "第二十条")
    seed_table = blocks[index]
    assert isinstance(seed_table, forms.Table)
    # 第二十条第（一）项 without its "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数" row.
    rows = [row for row in seed_table.rows if "本年制发件数" not in row]
    blocks[index] = forms.Table(rows)
    report = _read_text(blocks)
    assert report.cells["item20_1.normative_documents.issued"] is None
    assert any(f.rule == "ambiguous_cell" and "第二十条第（一）项" in f.message for f in report.findings)
    unread = next(f for f in report.findings if f.rule == "tables_unread")
    assert "item20_1.normative_documents.repealed" in unread.keys
    # The one-column items after it keep their headers and are read.
    assert (
        report.cells["item20_5.licensing.decisions"] == original("002").cells["item20_5.licensing.decisions"]
    )
