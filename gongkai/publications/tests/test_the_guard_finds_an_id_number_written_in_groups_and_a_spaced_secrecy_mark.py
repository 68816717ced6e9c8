"""The guard finds a resident ID number written in groups, as forms and tables print it ("110105 19491231
002X", with hyphens, with full-width spaces), and a secrecy mark typeset with spaces between its characters
("秘　密★", "内 部 资 料"); before, only an unbroken number and the unspaced marks were found, so such a
number went out without a reviewer having seen it. The check character still decides: a grouped number
that fails it is no finding."""

from __future__ import annotations

import pytest

from gongkai.publications.guard import KIND_ID, KIND_MARK, scan


@pytest.mark.parametrize(
    "text",
    [
        "联系人张三，身份证号 110105 19491231 002X，电话另告。",
        "身份证号：110105-19491231-002X",
        "公民身份号码 110105 1949 1231 002x",
        "身份证号码\u3000１１０１０５\u3000１９４９１２３１\u3000００２Ｘ",
    ],
)
def test_an_id_number_in_groups_is_found_whole(text: str) -> None:
    found = scan(text)
    assert [m.kind for m in found] == [KIND_ID]
    assert found[0].text.replace(" ", "").replace("-", "").replace("\u3000", "")[-1] in "Xx\uff38"


@pytest.mark.parametrize("text", ["秘　密★1年", "机 密 ★ 5年", "本材料为内 部 资 料", "不 得 外 传"])
def test_a_secrecy_mark_with_spaces_is_found(text: str) -> None:
    assert [m.kind for m in scan(text)] == [KIND_MARK]


def test_grouped_digits_that_fail_the_check_character_are_no_id_number() -> None:
    assert scan("项目编号 110105 19491231 0021") == []
    assert scan("合同编号 2024 0001 0002 0003 0004") == []
