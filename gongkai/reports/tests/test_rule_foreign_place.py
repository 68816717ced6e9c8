"""foreign_place: a county-level place in the text that is neither the body's area nor above or below it."""

from __future__ import annotations

from gongkai.reports.audit.model import Finding
from gongkai.reports.rules import run_rules
from gongkai.reports.tests.rule_factories import build_report

XIANGSHAN = "宁波市象山县人民政府办公室"


def _places(agency: str, *lines: str) -> list[Finding]:
    report = build_report(agency=agency, prose={"problems": list(lines)})
    return [f for f in run_rules(report) if f.rule == "foreign_place"]


def test_a_neighbour_named_by_its_short_name_is_a_warning() -> None:
    (finding,) = _places(XIANGSHAN, "在奉化文化广场新建查阅场所，提高查阅场所建设水平。")

    assert finding.severity == "warning"
    assert finding.message == (
        "文中提到“奉化”（宁波市奉化区），既不是本机关所在的宁波市象山县，也不是其上级或下级行政区，疑为照抄其他地区的报告"
    )
    assert finding.evidence[0].text == "在奉化文化广场新建查阅场所，提高查阅场所建设水平。"


def test_a_place_elsewhere_in_china_named_in_full_is_a_warning() -> None:
    findings = _places(XIANGSHAN, "借鉴杭州市西湖区和北京市朝阳区的经验。")

    assert [f.message.split("，")[0] for f in findings] == [
        "文中提到“西湖区”（杭州市西湖区或南昌市西湖区）",
        "文中提到“朝阳区”（北京市朝阳区或长春市朝阳区）",
    ]


def test_the_own_area_and_the_areas_above_and_below_pass() -> None:
    assert _places(XIANGSHAN, "象山县政府与宁波市、浙江省各部门协同，象山的石浦镇、丹东街道同步推进。") == []
    assert _places("宁波市人民政府办公厅", "奉化区、象山县、慈溪市各地同步推进。") == []
    assert _places("余姚市阳明街道办事处", "余姚市政府指导，余姚阳明街道推进。") == []


def test_streets_rivers_and_the_own_prefecture_prefix_are_not_places() -> None:
    assert (
        _places(
            "余姚市阳明街道办事处",
            "地址：余姚市长安路22号。沿慈溪路、奉化江一带布点。举办2018华语电影（宁波•余姚）活动。",
        )
        == []
    )


def test_a_neighbour_named_while_working_together_passes() -> None:
    assert _places(XIANGSHAN, "与奉化区开展山海协作，对口支援兄弟县市。") == []


def test_a_county_body_speaking_of_its_district_is_a_warning() -> None:
    (finding,) = _places(
        XIANGSHAN, "重点打造区行政服务中心政务公开专区，在全区范围内推广使用。开发区和社区不算。"
    )

    assert finding.message == "本机关所在的象山县是县，文中却称“区行政服务中心”、“全区”，疑为照抄某个区的报告"


def test_a_zone_inside_a_county_may_speak_of_its_district() -> None:
    assert _places("宁波市象山县经济开发区管委会", "在全区范围内推广使用。") == []


def test_a_body_whose_area_is_unknown_is_not_checkable() -> None:
    report = build_report(agency="某某办公室")
    report.lines[0] = "某某办公室"

    messages = [f.message for f in run_rules(report) if f.rule == "not_checkable"]

    assert "未能从报告的机关名称确定其所在行政区，未核对文中提到的外地地名" in messages


def test_a_body_of_the_central_government_has_no_foreign_places() -> None:
    assert _places("国家统计局", "赴浙江省象山县、北京市朝阳区开展调研。") == []


def test_a_county_in_a_zone_of_its_own_name_may_speak_of_the_whole_zone() -> None:
    # pingtanxian_2012.txt: 平潭县 lies in 平潭综合实验区, whose site it publishes on; its 全区 is the zone.
    prose = "在平潭综合实验区管委会网站公开政府信息。全区部门职能单位工作进行集中公开。"
    assert _places("平潭县人民政府", prose) == []
    # Without the zone, a 县 speaking of 全区 is still copied from a 区's report.
    assert [f.rule for f in _places("平潭县人民政府", "全区部门职能单位工作进行集中公开。")] == [
        "foreign_place"
    ]
