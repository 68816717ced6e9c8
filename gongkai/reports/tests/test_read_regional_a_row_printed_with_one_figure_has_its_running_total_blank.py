"""A row of a regional old table (本年度 | 历年累计) that prints one figure, copied from a web page
that drops empty cells ("2、政府公报公开 条 0"): the figure is the year's, the format's own column, and
the 历年累计 beside it was printed blank, which `blank_cell` names (pingtan_2013.txt: the archived
page shows 本年度 0 and an empty 历年累计). A row that prints more figures than that is split as
before, and a row with fewer figures than the format's own columns stays ambiguous."""

from __future__ import annotations

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.audit.runtogether import PendingRow, resolve
from gongkai.reports.auditing import audit_report

TEXT = (
    "标题: 某区2013年政府信息公开工作年度报告\n==== 正文 ====\n"
    "本报告所列数据的统计期限自2013年1月1日起至2013年12月31日。 一、 概述 2013年全区稳步推进政府信息公开工作。"
    " 某区管委会 二○一四年一月十日 某区政府信息公开情况统计表 指标名称 计量单位 2013年度 历年累计 "
    "主动公开信息数 条 72804 76424 其中：1、网站公开 条 72804 76424 2、政府公报公开 条 0 "
    "受理依申请公开信息总数 条 0 0 其中：1、当面申请数 条 0 0 2、传真申请数 条 0 0 3、电子邮件申请数 条 0 0 "
    "4、网上申请数 条 0 0 5、信函申请数 条 0 0 对申请的答复总数 条 0 0 其中：1、同意公开答复数 条 0 0 "
    "2、同意部分公开答复数 条 0 0 3、否决公开答复数 条 0 0 行政复议数 件 0 0 行政诉讼数 件 0 0 "
    "行政申诉、举报数 件 0 0 附件下载\n"
)


def _read() -> ParsedReport:
    return audit_report(read_report_bytes(TEXT.encode(), "regional-2013.txt"))


def test_the_one_figure_is_the_years_and_the_running_total_is_blank() -> None:
    report = _read()
    assert report.cells["channel_gazette"] == 0
    assert report.extras["extra_cells"]["channel_gazette.cumulative"] is None
    assert not [f for f in report.findings if f.rule == "ambiguous_cell"]
    (blank,) = [f for f in report.findings if f.rule == "blank_cell"]
    assert blank.keys == ["channel_gazette.cumulative"]
    assert "政府公报公开政府信息数（历年累计）" in blank.message


def test_a_row_with_fewer_figures_than_the_formats_own_columns_stays_ambiguous() -> None:
    row = PendingRow(["a", "b", "a.cumulative"], "7", 1, "某行")
    values, ambiguities = resolve([row], {}, [], {})
    assert values == {"a": None, "b": None, "a.cumulative": None}
    assert [a.keys for a in ambiguities] == [["a", "b", "a.cumulative"]]


def test_a_row_whose_figures_run_together_is_split_not_taken_as_the_years_alone() -> None:
    row = PendingRow(["a", "a.cumulative"], "34", 1, "某行")
    values, ambiguities = resolve([row], {}, [], {})
    assert values == {"a": 3, "a.cumulative": 4}
    assert ambiguities == []
