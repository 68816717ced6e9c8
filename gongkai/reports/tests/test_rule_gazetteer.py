"""The gazetteer: China's divisions from the shipped data, found in text by full and short names."""

from __future__ import annotations

from gongkai.reports.gazetteer import COUNTY, gazetteer


def test_the_data_has_current_county_level_divisions_with_their_codes() -> None:
    places = gazetteer()

    assert places.by_code["330213"].name == "奉化区"  # 奉化 became a district of 宁波 in 2016
    assert places.by_code["330225"].level == COUNTY
    assert places.by_code["3302"].name == "宁波市"
    assert len([d for d in places.by_code.values() if d.level == COUNTY]) > 2800


def test_a_body_is_located_by_the_most_precise_division_in_its_name() -> None:
    places = gazetteer()

    assert places.locate("宁波市象山县人民政府办公室").code == "330225"  # type: ignore[union-attr]
    assert places.locate("余姚市阳明街道办事处").code == "330281"  # type: ignore[union-attr]
    assert places.locate("宁波市人民政府办公厅").code == "3302"  # type: ignore[union-attr]
    assert places.locate("重庆市江北区人民政府").code == "500105"  # type: ignore[union-attr]
    assert places.locate("阳明街道办事处") is None


def test_a_name_shared_by_two_places_is_settled_by_the_text() -> None:
    places = gazetteer()

    assert places.locate("江北区商务局") is None
    assert places.locate("江北区商务局", "宁波市江北区商务局认真贯彻宁波市部署").code == "330205"  # type: ignore[union-attr]


def test_full_names_are_found_but_common_words_ending_like_places_are_not() -> None:
    places = gazetteer()

    found = [m.text for m in places.county_mentions("赴长兴县、新城区和东方市场考察，港口区域规划")]

    assert found == ["长兴县"]


def test_short_names_are_found_for_the_given_divisions_only() -> None:
    places = gazetteer()
    ningbo = places.counties_of("3302")

    assert [m.text for m in places.short_mentions("奉化和北仑同步推进，浙江北部", ningbo)] == ["奉化", "北仑"]
