"""The guard finds resident ID numbers (check character verified), mobile numbers, bank card numbers (Luhn)
and secrecy marks, with full-width digits too, and nothing in ordinary numbers, dates or document numbers."""

from __future__ import annotations

from gongkai.publications import guard


def kinds(text: str) -> list[tuple[str, str]]:
    return [(m.kind, m.text) for m in guard.scan(text)]


def test_a_valid_resident_id_number_is_found_and_a_wrong_check_character_is_not() -> None:
    assert kinds("身份证号11010519491231002X。") == [("id_number", "11010519491231002X")]
    assert kinds("身份证号110105194912310021。") == []


def test_full_width_digits_count_as_digits() -> None:
    assert kinds("身份证：１１０１０５１９４９１２３１００２Ｘ") == [
        ("id_number", "１１０１０５１９４９１２３１００２Ｘ")
    ]
    assert kinds("手机：１３８００１３８０００") == [("mobile", "１３８００１３８０００")]


def test_mobile_numbers_with_and_without_separators_but_not_landlines() -> None:
    assert kinds("联系电话13800138000") == [("mobile", "13800138000")]
    assert kinds("电话 138-0013-8000") == [("mobile", "138-0013-8000")]
    assert kinds("办公电话0574-63980421，邮编315300") == []


def test_bank_cards_pass_the_luhn_check() -> None:
    assert guard.luhn_valid("4111111111111111") and not guard.luhn_valid("4111111111111112")
    assert kinds("卡号 4111 1111 1111 1111") == [("bank_card", "4111 1111 1111 1111")]
    assert kinds("卡号 4111111111111112") == []


def test_secrecy_marks_but_not_ordinary_words() -> None:
    assert [m.kind for m in guard.scan("机密★1年 内部资料 不得外传")] == ["secrecy_mark"] * 3
    assert kinds("保护商业秘密和个人隐私，秘密文件不得公开") == []


def test_document_numbers_dates_and_amounts_are_not_findings() -> None:
    assert (
        kinds("慈政办发〔2018〕82号，2024年12月31日，金额1234567.89元，统一社会信用代码91330200MA2AXXXX1F")
        == []
    )


def test_each_finding_carries_its_context() -> None:
    (match,) = guard.scan("联系人：张三，身份证号 11010519491231002X，住宁波。")
    assert match.before.endswith("身份证号 ") and match.after.startswith("，住宁波")
