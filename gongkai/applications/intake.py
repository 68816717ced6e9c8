"""Checking what an applicant gives: the contents 条例第二十九条 requires, in the forms they must take.

`clean_applicant` returns the cleaned `ApplicantDetails` or raises one `ValidationError` that names every bad
field in Chinese, so that a form can show them all at once.

A 居民身份证号码 and a 统一社会信用代码 are checked to their check character with python-stdnum
(`stdnum.cn.ric`, `stdnum.cn.uscc`), so that a mistyped number is caught at intake; other identity
documents (护照, 通行证, …) have no public check character and are taken as given.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidComponent

from gongkai.applications.models import (
    ApplicantType,
    Application,
    Channel,
    IdType,
    InformationDelivery,
    LetterKind,
    RequestedForm,
)

# 居民身份证号码 (GB 11643): 17 digits and a check character.
RESIDENT_ID = re.compile(r"^\d{17}[\dX]$")
# 统一社会信用代码 (GB 32100): 18 characters without I, O, Z, S, V. The code of the registering
# department (first character) may be a letter — N for the agricultural departments that register
# 农村集体经济组织, Y for others — which `stdnum.cn.uscc.validate` refuses; so the form is checked here
# and only the check character by stdnum.
CREDIT_CODE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")
MOBILE = re.compile(r"^1[3-9]\d{9}$")
POSTCODE = re.compile(r"^\d{6}$")

ORGANISATION_ID_TYPES = (IdType.CREDIT_CODE, IdType.OTHER)


@dataclass(frozen=True, kw_only=True)
class ApplicantDetails:
    """Who applies, how to reach them, what they ask for and in which form (条例第二十九条): the one list
    of the applicant's particulars, which the intake services take, the portal's and the workbench's forms
    show (`gongkai.applications.applicant_form`) and the API's schema declares. Labels and lengths are the
    `Application` model's fields of the same names. As given, or cleaned by `clean_applicant`."""

    applicant_type: str
    applicant_name: str
    applicant_id_type: str = ""
    applicant_id_number: str = ""
    contact_person: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    postcode: str = ""
    description: str
    requested_form: str = ""
    delivery_method: str = ""

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> ApplicantDetails:
        """The applicant's particulars among `values` (a form's cleaned data, a request): the other keys
        are left alone; a missing optional one is empty, a None is empty too."""
        return cls(**{name: values[name] or "" for name in APPLICANT_FIELDS if name in values})

    def as_fields(self) -> dict[str, str]:
        return dict(self.__dict__)


APPLICANT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ApplicantDetails))


def split_applicant(values: Mapping[str, Any]) -> tuple[ApplicantDetails, dict[str, Any]]:
    """The applicant's particulars among `values`, and the rest (the channel, the dates…)."""
    rest = {name: value for name, value in values.items() if name not in APPLICANT_FIELDS}
    return ApplicantDetails.from_mapping(values), rest


def _max_length(name: str) -> int:
    length = getattr(Application._meta.get_field(name), "max_length", None)
    return int(length) if length else 0


def is_organisation(applicant_type: str) -> bool:
    return applicant_type != ApplicantType.NATURAL_PERSON


def normalise_phone(phone: str) -> str:
    """Digits only, with a leading + kept; "转" or "-" before an extension become "-"."""
    phone = phone.strip().replace("转", "-").replace("（", "(").replace("）", ")")
    return re.sub(r"[\s()]", "", phone)


def phone_is_valid(phone: str) -> bool:
    """A mainland mobile number (11 digits), or a landline or international number of 7 to 15 digits
    (ITU-T E.164) with, possibly, an extension."""
    parts = (phone[1:] if phone.startswith("+") else phone).split("-")
    if not all(part.isdigit() for part in parts):
        return False
    digits = "".join(parts)
    if len(digits) == 11 and digits.startswith("1"):
        return bool(MOBILE.match(digits))
    return 7 <= len(digits) <= 20


def resident_id_error(number: str) -> str:
    """What is wrong with a 居民身份证号码 (GB 11643-1999), or "" when it is right: 17 digits, a check
    character by ISO 7064 MOD 11-2, and a real birth date (positions 7–14) not after today.

    The address code (positions 1–6) is not looked up: stdnum's table of historical divisions may miss
    one, and refusing a real applicant would deny the right to apply (条例第二十七条)."""
    if not RESIDENT_ID.match(number):
        return "居民身份证号码应为18位，最后一位可以是X。"
    if ric.calc_check_digit(number) != number[-1]:
        return "居民身份证号码校验位不正确，请核对号码。"
    try:
        born = ric.get_birth_date(number)
    except InvalidComponent:
        return f"居民身份证号码中的出生日期（第7至14位：{number[6:14]}）不是有效日期，请核对号码。"
    if born > timezone.localdate():
        return f"居民身份证号码中的出生日期（{born.isoformat()}）晚于今天，请核对号码。"
    return ""


def credit_code_error(code: str) -> str:
    """What is wrong with a 统一社会信用代码 (GB 32100-2015), or "" when it is right: 18 characters in
    the code's alphabet and the check character of its first 17 (modulus 31)."""
    if len(code) != 18:
        return "统一社会信用代码应为18位。"
    if not CREDIT_CODE.match(code):
        return "统一社会信用代码格式不正确：第3至8位为行政区划码（数字），其余为数字或大写字母（不含I、O、S、V、Z）。"
    if uscc.calc_check_digit(code[:17]) != code[-1]:
        return "统一社会信用代码校验位不正确，请核对代码。"
    return ""


def id_number_error(id_type: str, number: str) -> str:
    """What is wrong with the number of an identity document, or "". Only the resident identity card
    and the credit code have a public check character; other documents are taken as given."""
    if id_type == IdType.RESIDENT_ID:
        return resident_id_error(number)
    if id_type == IdType.CREDIT_CODE:
        return credit_code_error(number)
    return ""


def clean_applicant(given: ApplicantDetails) -> ApplicantDetails:  # noqa: C901 - one check per requirement of 条例第二十九条, all reported at once
    """The applicant's particulars and request, checked against 条例第二十九条: cleaned, or one
    `ValidationError` naming every bad field."""
    applicant_type = given.applicant_type
    applicant_id_type = given.applicant_id_type
    errors: dict[str, list[str]] = {}

    def error(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    names = (
        "applicant_name",
        "applicant_id_number",
        "contact_person",
        "phone",
        "email",
        "address",
        "postcode",
    )
    values = {name: (getattr(given, name) or "").strip() for name in names}
    description = (given.description or "").strip()

    if applicant_type not in ApplicantType.values:
        error(
            "applicant_type",
            "请选择申请人类型：自然人，或法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）。",
        )
    organisation = is_organisation(applicant_type)

    # 条例第二十九条（一）: 申请人的姓名或者名称、身份证明、联系方式.
    if not values["applicant_name"]:
        error("applicant_name", "请填写法人或其他组织的名称。" if organisation else "请填写申请人姓名。")
    if organisation and not values["contact_person"]:
        error("contact_person", "法人或其他组织提出申请，请填写联系人。")

    id_type = (applicant_id_type or "").strip() or (
        IdType.CREDIT_CODE if organisation else IdType.RESIDENT_ID
    )
    id_number = values["applicant_id_number"].upper().replace(" ", "")
    if id_type not in IdType.values:
        error("applicant_id_type", "证件类型不正确。")
    elif organisation and id_type not in ORGANISATION_ID_TYPES:
        error("applicant_id_type", "法人或其他组织的身份证明应为统一社会信用代码或其他证照。")
    elif not organisation and id_type == IdType.CREDIT_CODE:
        error("applicant_id_type", "自然人的身份证明不能是统一社会信用代码。")
    if not id_number:
        error("applicant_id_number", "请填写身份证明的号码（条例第二十九条）。")
    elif problem := id_number_error(id_type, id_number):
        error("applicant_id_number", problem)

    phone_value = normalise_phone(values["phone"])
    if phone_value and not phone_is_valid(phone_value):
        error("phone", "联系电话格式不正确，请填写手机号码或带区号的固定电话。")
    email_value = values["email"]
    if email_value:
        try:
            validate_email(email_value)
        except ValidationError:
            error("email", "电子邮箱格式不正确。")
    if values["postcode"] and not POSTCODE.match(values["postcode"]):
        error("postcode", "邮政编码应为6位数字。")
    if not (phone_value or email_value or values["address"]):
        error("phone", "请至少填写一种联系方式：联系电话、电子邮箱或通信地址。")

    # 条例第二十九条（二）: 名称、文号或者便于行政机关查询的其他特征性描述.
    if not description:
        error("description", "请填写所需政府信息的名称、文号或者便于查询的其他特征性描述。")

    # 条例第二十九条（三）: 形式要求，包括获取信息的方式、途径.
    form = (given.requested_form or "").strip()
    delivery = (given.delivery_method or "").strip()
    if not form:
        error("requested_form", "请选择信息的提供形式（纸质文本或电子文本）。")
    elif form not in RequestedForm.values:
        error("requested_form", "信息的提供形式应为纸质文本或电子文本。")
    if not delivery:
        error("delivery_method", "请选择获取信息的方式。")
    elif delivery not in InformationDelivery.values:
        error("delivery_method", "获取信息的方式不正确。")
    elif delivery == InformationDelivery.POST and not values["address"]:
        error("address", "选择邮寄的，请填写通信地址。")
    elif delivery == InformationDelivery.EMAIL and not email_value:
        error("email", "选择电子邮件获取的，请填写电子邮箱。")
    elif delivery == InformationDelivery.FAX and not phone_value:
        error("phone", "选择传真获取的，请填写传真号码。")

    for name in ("applicant_name", "contact_person", "address", "email", "postcode"):
        limit = _max_length(name)
        if limit and len(values[name]) > limit:
            error(name, f"不能超过{limit}个字符。")
    if len(phone_value) > _max_length("phone"):
        error("phone", f"不能超过{_max_length('phone')}个字符。")
    if len(id_number) > _max_length("applicant_id_number"):
        error("applicant_id_number", f"不能超过{_max_length('applicant_id_number')}个字符。")

    if errors:
        raise ValidationError(errors)
    return ApplicantDetails(
        applicant_type=applicant_type,
        applicant_name=values["applicant_name"],
        applicant_id_type=id_type,
        applicant_id_number=id_number,
        contact_person=values["contact_person"],
        phone=phone_value,
        email=email_value,
        address=values["address"],
        postcode=values["postcode"],
        description=description,
        requested_form=form,
        delivery_method=delivery,
    )


def clean_channel(*, channel: str, letter_kind: str = "") -> tuple[str, str]:
    """The channel, and for a letter whether it came by registered or ordinary post (条例第三十一条)."""
    if channel not in Channel.values:
        raise ValidationError({"channel": "申请方式应为当面、信函、传真、网络或其他。"})
    letter_kind = (letter_kind or "").strip()
    if channel == Channel.LETTER:
        if letter_kind not in LetterKind.values:
            raise ValidationError(
                {
                    "letter_kind": "信函申请请注明是挂号信（特快专递）还是平信：两者收到申请的日期计算不同（条例第三十一条）。"
                }
            )
        return channel, letter_kind
    return channel, ""
