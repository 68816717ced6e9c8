"""条例第二十九条: an application gives the applicant's name, identity and contact, a description of the
information, and the form wanted. Bad input is refused with Chinese messages, and nothing is saved."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.models import Application, ApplicationCounter
from gongkai.applications.services import application_register, application_submit_online
from gongkai.applications.tests.factories import COMPANY, PERSON, Cast, make_cast, service_arguments

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def refused_fields(cast: Cast, **changes: Any) -> dict[str, list[str]]:
    fields = {**PERSON, "channel": "in_person", "received_on": date(2025, 3, 3), **changes}
    with pytest.raises(ValidationError) as raised:
        application_register(actor=cast.staff, agency=cast.agency, **service_arguments(fields))
    return raised.value.message_dict


def test_a_complete_application_from_a_person_is_registered(cast: Cast) -> None:
    created = application_register(
        actor=cast.staff, agency=cast.agency, channel="in_person", applicant=ApplicantDetails(**PERSON)
    )
    assert created.application.applicant_name == "张三"
    assert created.application.applicant_id_number == "11010519491231002X"


def test_a_complete_application_from_a_company_is_registered(cast: Cast) -> None:
    created = application_register(
        actor=cast.staff, agency=cast.agency, channel="in_person", applicant=ApplicantDetails(**COMPANY)
    )
    assert created.application.contact_person == "李四"
    assert created.application.applicant_id_type == "credit_code"


def test_name_identity_description_and_form_are_required(cast: Cast) -> None:
    errors = refused_fields(
        cast,
        applicant_name=" ",
        applicant_id_number="",
        description="",
        requested_form="",
        delivery_method="",
    )
    assert errors["applicant_name"] == ["请填写申请人姓名。"]
    assert "身份证明" in errors["applicant_id_number"][0]
    assert "特征性描述" in errors["description"][0]
    assert "提供形式" in errors["requested_form"][0]
    assert "获取信息的方式" in errors["delivery_method"][0]
    assert not Application.objects.exists()
    assert not ApplicationCounter.objects.exists()


def test_some_way_to_contact_the_applicant_is_required(cast: Cast) -> None:
    errors = refused_fields(cast, phone="", email="", address="", delivery_method="pickup")
    assert "至少填写一种联系方式" in errors["phone"][0]


def test_an_organisation_needs_its_name_and_a_contact_person(cast: Cast) -> None:
    with pytest.raises(ValidationError) as raised:
        application_register(
            actor=cast.staff,
            agency=cast.agency,
            channel="in_person",
            applicant=ApplicantDetails(**{**COMPANY, "applicant_name": "", "contact_person": ""}),
        )
    errors = raised.value.message_dict
    assert errors["applicant_name"] == ["请填写法人或其他组织的名称。"]
    assert errors["contact_person"] == ["法人或其他组织提出申请，请填写联系人。"]


def test_an_organisation_identifies_itself_by_credit_code_not_by_an_identity_card(cast: Cast) -> None:
    with pytest.raises(ValidationError) as raised:
        application_register(
            actor=cast.staff,
            agency=cast.agency,
            channel="in_person",
            applicant=ApplicantDetails(**{**COMPANY, "applicant_id_type": "resident_id"}),
        )
    assert "统一社会信用代码" in raised.value.message_dict["applicant_id_type"][0]


def test_malformed_identity_numbers_email_phone_and_postcode_are_refused(cast: Cast) -> None:
    errors = refused_fields(
        cast, applicant_id_number="12345", email="zhangsan-at-example", phone="12-34", postcode="31500"
    )
    assert errors["applicant_id_number"] == ["居民身份证号码应为18位，最后一位可以是X。"]
    assert errors["email"] == ["电子邮箱格式不正确。"]
    assert "联系电话格式不正确" in errors["phone"][0]
    assert errors["postcode"] == ["邮政编码应为6位数字。"]


def test_a_mobile_number_must_be_a_real_mainland_mobile_number(cast: Cast) -> None:
    assert "联系电话格式不正确" in refused_fields(cast, phone="12800138000")["phone"][0]


@pytest.mark.parametrize("phone", ["13800138000", "0574-87654321", "0574 8765 4321转123", "+852 2123 4567"])
def test_mobile_landline_extension_and_international_numbers_are_accepted(cast: Cast, phone: str) -> None:
    created = application_register(
        actor=cast.staff,
        agency=cast.agency,
        channel="in_person",
        applicant=ApplicantDetails(**{**PERSON, "phone": phone}),
    )
    assert created.application.phone


def test_the_delivery_chosen_needs_its_address(cast: Cast) -> None:
    assert refused_fields(cast, delivery_method="email", email="")["email"] == [
        "选择电子邮件获取的，请填写电子邮箱。"
    ]
    assert refused_fields(cast, delivery_method="post", address="")["address"] == [
        "选择邮寄的，请填写通信地址。"
    ]


def test_a_letter_must_say_whether_it_came_by_registered_or_ordinary_post(cast: Cast) -> None:
    errors = refused_fields(cast, channel="letter", letter_kind="")
    assert "挂号信" in errors["letter_kind"][0]


def test_an_unknown_applicant_type_or_channel_is_refused(cast: Cast) -> None:
    assert "申请人类型" in refused_fields(cast, applicant_type="alien")["applicant_type"][0]
    assert "申请方式" in refused_fields(cast, channel="pigeon")["channel"][0]


def test_online_submissions_are_checked_the_same_way(cast: Cast) -> None:
    with pytest.raises(ValidationError) as raised:
        application_submit_online(
            agency=cast.agency, applicant=ApplicantDetails(**{**PERSON, "applicant_id_number": ""})
        )
    assert "applicant_id_number" in raised.value.message_dict
    assert not Application.objects.exists()
