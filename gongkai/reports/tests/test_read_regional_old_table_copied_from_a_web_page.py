"""The old statistics table in its regional variants (福建: 指标名称 / 计量单位 / 本年度 / 历年累计,
rows such as 电子邮件申请数 that the standard table has not), copied from a web page with the whole
report on one line and the cells run together: the current year is read into the canonical cells,
历年累计 and the regional rows into extra cells, and a split is chosen only by the table's own sums
as printed (a total and the rows under it, the current year at most the 历年累计)."""

from __future__ import annotations

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.auditing import audit_report

HEADER = "标题: 某县人民政府2012年政府信息公开工作年度报告\n==== 正文 ====\n"
TABLE = (
    "本报告所列数据的统计期限自2012年1月1日起至2012年12月31日。 一、概述 2012年我县主动公开政府信息2026条。"
    " 某县人民政府 2013年1月16日 附件1：某县人民政府2012年政府信息公开情况统计表 "
    "指标名称计量单位2012年度历年累计主动公开信息数条20263542其中：1.网站公开条179533042.政府公报公开条07"
    "受理依申请公开信息总数条2121其中：1.当面申请数条18182.传真申请数条003.电子邮件申请数条334.网上申请数条00"
    "5.信函申请数条006.其它形式申请数条00对申请的答复数条2121其中：1.同意公开答复数条17172.同意部分公开答复数条22"
    "3.否决公开答复数条22行政复议数条00行政诉讼数条00行政申诉数条00\n"
)


def _read() -> ParsedReport:
    return audit_report(read_report_bytes((HEADER + TABLE).encode(), "regional.txt"))


def test_splits_fixed_by_the_printed_sums_are_read() -> None:
    report = _read()
    # 21 = 18 + 0 + 3 + 0 + 0 + 0 in both columns: the only split of "2121" and "1818" that fits.
    assert report.cells["requests_received"] == 21
    assert report.cells["requests_in_person"] == 18
    assert report.extras["extra_cells"]["requests_email"] == 3
    assert report.extras["extra_cells"]["requests_received.cumulative"] == 21
    assert report.cells["replies_granted"] == 17
    assert report.cells["channel_gazette"] == 0
    assert report.extras["extra_cells"]["channel_gazette.cumulative"] == 7


def test_a_row_under_a_total_is_split_so_as_to_be_at_most_that_total() -> None:
    report = _read()
    # "17953304" under 主动公开信息数 2026 | 3542 (the prose quotes 2026): 其中 网站公开 is at most
    # the total in both columns, which only 1795 | 3304 is (17953 | 304 is more than 2026).
    assert report.cells["proactive_total"] == 2026
    assert report.cells["channel_website"] == 1795
    assert report.extras["extra_cells"]["channel_website.cumulative"] == 3304
    assert not any(f.rule == "ambiguous_cell" for f in report.findings)


def test_a_split_nothing_fixes_is_null_with_ambiguous_cell_never_guessed() -> None:
    # Without the prose's 2026, "20263542" is 2026|3542, 202|63542, … : the channels do not sum
    # to the total (an item on several channels counts once), so nothing in the table fixes it,
    # nor the row under it.
    text = HEADER + TABLE.replace("2012年我县主动公开政府信息2026条。", "")
    report = audit_report(read_report_bytes(text.encode(), "regional.txt"))
    assert report.cells["proactive_total"] is None
    assert report.cells["channel_website"] is None
    ambiguous = {key for f in report.findings if f.rule == "ambiguous_cell" for key in f.keys}
    assert {"proactive_total", "channel_website"} <= ambiguous
    # and the bound 总数 ≤ Σ渠道 is not checked with 0 for the unread cells
    assert not [f for f in report.findings if f.rule == "old_format_sum"]


def test_the_standard_sum_is_not_applied_to_rows_printed_otherwise() -> None:
    report = _read()
    assert not [f for f in report.findings if f.severity == "error"]
    [regional] = [f for f in report.findings if f.rule == "not_checkable" and "所列分项" in f.message]
    assert "电子邮件申请数" in regional.message


def test_the_body_is_named_as_the_title_names_it_not_by_the_metadata_label() -> None:
    report = _read()
    assert report.agency_name == "某县人民政府"
    assert report.title is not None and not report.title.startswith("标题")
    assert report.format == "2008" and report.year == 2012
