"""条例第二十九条（一）: the applicant's 身份证明. A 居民身份证号码 is checked to its check character (ISO 7064
MOD 11-2) and its birth date, a 统一社会信用代码 to its check character (GB 32100-2015); a wrong number is
refused on its field in Chinese and nothing is saved. Other documents keep their format checks only."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from stdnum.cn import ric, uscc

from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.models import Application
from gongkai.applications.services import application_register, application_submit_online
from gongkai.applications.tests.factories import COMPANY, PERSON, Cast, make_cast, service_arguments

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def resident_id(first_17: str) -> str:
    """The 17 digits with their right check character."""
    return first_17 + ric.calc_check_digit(first_17 + "0")


def credit_code(first_17: str) -> str:
    return first_17 + uscc.calc_check_digit(first_17)


def wrong_check(number: str, alphabet: str) -> str:
    """The same number with another check character."""
    return number[:-1] + next(c for c in alphabet if c != number[-1])


def register(cast: Cast, **changes: Any) -> Application:
    fields = {**PERSON, "channel": "in_person", "received_on": date(2025, 3, 3), **changes}
    return application_register(actor=cast.staff, agency=cast.agency, **service_arguments(fields)).application


def refusal(cast: Cast, **changes: Any) -> list[str]:
    with pytest.raises(ValidationError) as raised:
        register(cast, **changes)
    assert not Application.objects.exists()
    return raised.value.message_dict["applicant_id_number"]


def test_a_resident_id_with_its_check_character_is_accepted_and_a_small_x_made_capital(cast: Cast) -> None:
    number = resident_id("33020319800101123")
    assert register(cast, applicant_id_number=number).applicant_id_number == number
    assert (
        register(cast, applicant_id_number="11010519491231002x").applicant_id_number == "11010519491231002X"
    )


def test_a_resident_id_with_a_wrong_check_character_is_refused(cast: Cast) -> None:
    number = wrong_check(resident_id("33020319800101123"), "0123456789X")
    assert refusal(cast, applicant_id_number=number) == ["居民身份证号码校验位不正确，请核对号码。"]


def test_a_resident_id_whose_birth_date_does_not_exist_is_refused(cast: Cast) -> None:
    # 31 April: the check character is right, the date is not.
    number = resident_id("33020319800431123")
    assert ric.calc_check_digit(number) == number[-1]
    (message,) = refusal(cast, applicant_id_number=number)
    assert message.startswith("居民身份证号码中的出生日期（第7至14位：19800431）不是有效日期")


def test_a_resident_id_born_after_today_is_refused(cast: Cast) -> None:
    (message,) = refusal(cast, applicant_id_number=resident_id("33020320990101123"))
    assert message.startswith("居民身份证号码中的出生日期（2099-01-01）晚于今天")


def test_a_resident_id_of_the_wrong_length_is_refused_as_before(cast: Cast) -> None:
    assert refusal(cast, applicant_id_number="3302031980010112") == [
        "居民身份证号码应为18位，最后一位可以是X。"
    ]


def test_a_credit_code_with_its_check_character_is_accepted(cast: Cast) -> None:
    code = credit_code("91330200MA2CJ8TQ5")
    assert register(cast, **{**COMPANY, "applicant_id_number": code}).applicant_id_number == code


def test_a_credit_code_of_a_department_coded_by_a_letter_is_accepted(cast: Cast) -> None:
    # N: a 农村集体经济组织 registered by the agricultural department (GB 32100 registering-department code).
    code = credit_code("N2330203MF0000000")
    assert register(cast, **{**COMPANY, "applicant_id_number": code}).applicant_id_number == code


def test_a_credit_code_with_a_wrong_check_character_is_refused(cast: Cast) -> None:
    code = wrong_check(credit_code("91330200MA2CJ8TQ5"), "0123456789ABCDEFGHJKLMNPQRTUWXY")
    assert refusal(cast, **{**COMPANY, "applicant_id_number": code}) == [
        "统一社会信用代码校验位不正确，请核对代码。"
    ]


def test_a_credit_code_with_a_letter_the_standard_excludes_or_of_the_wrong_length_is_refused(
    cast: Cast,
) -> None:
    (message,) = refusal(cast, **{**COMPANY, "applicant_id_number": "91330200MA2CJ8TQ5I"})
    assert message.startswith("统一社会信用代码格式不正确")
    assert refusal(cast, **{**COMPANY, "applicant_id_number": "91330200MA2CJ8"}) == [
        "统一社会信用代码应为18位。"
    ]


def test_other_identity_documents_keep_their_format_checks_only(cast: Cast) -> None:
    passport = register(cast, applicant_id_type="passport", applicant_id_number="E12345678")
    permit = register(cast, applicant_id_type="hk_macao_permit", applicant_id_number="H1234567890")
    assert (passport.applicant_id_number, permit.applicant_id_number) == ("E12345678", "H1234567890")


def test_online_submissions_are_checked_the_same_way(cast: Cast) -> None:
    number = wrong_check(resident_id("33020319800101123"), "0123456789X")
    with pytest.raises(ValidationError) as raised:
        application_submit_online(
            agency=cast.agency, applicant=ApplicantDetails(**{**PERSON, "applicant_id_number": number})
        )
    assert raised.value.message_dict["applicant_id_number"] == ["居民身份证号码校验位不正确，请核对号码。"]
    assert not Application.objects.exists()
