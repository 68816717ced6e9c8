"""old_format_sum: the old table's equalities are errors, its bounds (其中, channels) warnings."""

from __future__ import annotations

from gongkai.reports import formats
from gongkai.reports.audit.model import Evidence, Finding
from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report

OLD = formats.FORMAT_2008


def _old_sums(**cells: int) -> list[tuple[str, str]]:
    report = build_report(OLD, cells=dict(cells))
    return [(f.severity, f.message) for f in run_rules(report) if f.rule == "old_format_sum"]


def test_applications_received_must_equal_the_sum_of_the_ways_they_came() -> None:
    assert _old_sums(requests_in_person=0, requests_online=2, requests_letter=6, requests_received=6) == [
        ("error", "收到申请数为6，当面申请数、传真申请数、网络申请数、信函申请数之和为8（0+0+2+6）")
    ]


def test_replies_must_equal_the_sum_of_their_kinds() -> None:
    (finding,) = _old_sums(
        replies_total=6, replies_granted=6, replies_not_exist=5, replies_partially_granted=1
    )
    assert finding[0] == "error"
    assert finding[1].startswith("申请答复数为6，属于已主动公开范围数、同意公开答复数")
    assert finding[1].endswith("之和为12（0+6+1+0+0+5+0+0）")


def test_staff_and_appeal_blocks_are_summed_too() -> None:
    found = _old_sums(staff_total=4, litigation_total=1)
    assert ("error", "从事政府信息公开工作人员数为4，专职人员数、兼职人员数之和为3（1+2）") in found
    assert any(m.startswith("行政诉讼数量为1，行政诉讼维持具体行政行为") for _, m in found)


def test_more_items_than_all_channels_together_is_a_warning() -> None:
    assert _old_sums(proactive_total=700) == [
        (
            "warning",
            "主动公开政府信息数为700，大于通过各渠道公开的政府信息数之和650（0+400+150+100+0）；"
            "同一信息在不同渠道公开只计1条，总数不应超过各渠道之和",
        )
    ]


def test_a_part_larger_than_its_total_is_a_warning() -> None:
    found = _old_sums(responses_online_interviews_by_principal=1)
    assert found == [("warning", "主要负责同志参加政府网站在线访谈次数为1，大于政府网站在线访谈次数0")]
    assert _old_sums(proactive_normative_documents=501, proactive_total=500)[0][0] == "warning"


def test_channels_whose_figures_could_not_be_split_make_the_bound_not_checkable_not_a_sum_with_zero() -> None:
    # pingtan_2015.txt: 网站公开 ran together with its 历年累计 and could not be split (ambiguous_cell);
    # the other channels are rows the regional table does not have.
    report = build_report(
        OLD, cells={"proactive_total": 2949, "channel_website": None}, omit_keys=_OTHER_CHANNELS
    )
    line = report.cell_lines["channel_website"]
    report.findings.append(
        Finding("ambiguous_cell", "warning", "数字连在一起", ["channel_website"], [Evidence(line, "")])
    )

    findings = run_rules(report)

    assert not [f for f in findings if f.rule == "old_format_sum"]
    assert any(f.rule == "not_checkable" and "channel_website" in f.keys for f in findings)


def test_channels_the_table_does_not_print_add_nothing_to_the_bound() -> None:
    # pingtanxian_2012.txt: 主动公开信息数 2026 > 网站公开 1795 + 政府公报公开 0, the table having no
    # rows for 微博, 微信 and other channels.
    report = build_report(
        OLD,
        cells={"proactive_total": 2026, "channel_website": 1795, "channel_gazette": 0},
        omit_keys=_OTHER_CHANNELS,
    )

    (finding,) = [f for f in run_rules(report) if f.rule == "old_format_sum"]

    assert finding.severity == "warning"
    assert finding.message.startswith("主动公开政府信息数为2026，大于通过各渠道公开的政府信息数之和1795")
    assert finding.message.endswith(
        "（政务微博公开政府信息数、政务微信公开政府信息数、其他方式公开政府信息数表中未列出）"
    )
    assert {"proactive_total", "channel_website", "channel_gazette"} <= set(finding.keys)


_OTHER_CHANNELS = ("channel_weibo", "channel_wechat", "channel_other")
