"""The national old table (统计指标 / 单位 / 统计数) copied out of a web page one cell a line: its
sums are the standard table's, as when it is a grid or its rows are lines. The rows it prints
under a total ("其中：主动公开规范性文件数" under 主动公开政府信息数, "其中：涉及国家秘密" under
不同意公开答复数) were taken, when the table was read as a stream, for a regional table's own rows
under that total, and the standard sums of 主动公开政府信息数 and 申请答复数 were not checked."""

from __future__ import annotations

from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import read_report_bytes
from gongkai.reports.auditing import audit_report

TITLE = "某某街道2017年政府信息公开工作年度报告"
PROSE = "2017年，街道认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开各类信息。"

# label, unit, figure ("" a blank cell); the channels sum to 60 of 100 items published, and the
# replies to 12 of 6 replies.
ROWS = [
    ("一、主动公开情况", "——", ""),
    ("（一）主动公开政府信息数 （不同渠道和方式公开相同信息计1条）", "条", "100"),
    ("其中：主动公开规范性文件数", "条", "7"),
    ("制发规范性文件总数", "件", "2"),
    ("（二）通过不同渠道和方式公开政府信息的情况", "——", ""),
    ("1.政府公报公开政府信息数", "条", "10"),
    ("2.政府网站公开政府信息数", "条", "20"),
    ("3.政务微博公开政府信息数", "条", "10"),
    ("4.政务微信公开政府信息数", "条", "10"),
    ("5.其他方式公开政府信息数", "条", "10"),
    ("三、依申请公开情况", "——", ""),
    ("（一）收到申请数", "件", "6"),
    ("1.当面申请数", "件", "0"),
    ("2.传真申请数", "件", "0"),
    ("3.网络申请数", "件", "2"),
    ("4.信函申请数", "件", "4"),
    ("（二）申请办结数", "件", "6"),
    ("1.按时办结数", "件", "6"),
    ("2.延期办结数", "件", "0"),
    ("（三）申请答复数", "件", "6"),
    ("1.属于已主动公开范围数", "件", "0"),
    ("2.同意公开答复数", "件", "6"),
    ("3.同意部分公开答复数", "件", "0"),
    ("4.不同意公开答复数", "件", "0"),
    ("其中：涉及国家秘密", "件", "0"),
    ("涉及商业秘密", "件", "0"),
    ("涉及个人隐私", "件", "0"),
    ("危及国家安全、公共安全、经济安全和社会稳定", "件", "0"),
    ("不是《条例》所指政府信息", "件", "0"),
    ("法律法规规定的其他情形", "件", "0"),
    ("5.不属于本行政机关公开数", "件", "0"),
    ("6.申请信息不存在数", "件", "5"),
    ("7.告知作出更改补充数", "件", "1"),
    ("8.告知通过其他途径办理数", "件", "0"),
    ("四、行政复议数量", "件", "0"),
    ("五、行政诉讼数量", "件", "0"),
    ("六、举报投诉数量", "件", "0"),
]


def one_cell_per_line(rows: list[tuple[str, str, str]]) -> bytes:
    """The report with its table copied one cell a line, empty cells dropped."""
    cells = [cell for row in [("统计指标", "单位", "统计数"), *rows] for cell in row if cell]
    return ("\n".join([TITLE, "一、概述", PROSE, "附件：政府信息公开情况统计表", *cells]) + "\n").encode()


def _read(rows: list[tuple[str, str, str]]) -> ParsedReport:
    return audit_report(read_report_bytes(one_cell_per_line(rows), "report.txt"))


def test_the_totals_are_checked_against_the_standard_rows_under_them() -> None:
    report = _read(ROWS)
    assert report.format == "2008"
    assert report.cells["proactive_total"] == 100
    assert report.cells["replies_total"] == 6
    sums = {f.keys[0] for f in report.findings if f.rule == "old_format_sum"}
    assert {"proactive_total", "replies_total"} <= sums
    assert not [f for f in report.findings if "地方格式" in f.message]
    assert "printed_children" not in report.extras
