"""The public forms: applying online, looking up an application, submitting a correction.

They check the shape of the input (required, lengths, e-mail); the rules of the 条例 (which contact is
needed, the identity number's form…) are the services' (`gongkai.applications.intake`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from gongkai.applications.intake import clean_applicant
from gongkai.applications.models import (
    ApplicantType,
    IdType,
    InformationDelivery,
    RequestedForm,
)

APPLICANT_FIELDS = (
    "applicant_type",
    "applicant_name",
    "applicant_id_type",
    "applicant_id_number",
    "contact_person",
    "phone",
    "email",
    "address",
    "postcode",
    "description",
    "requested_form",
    "delivery_method",
)


class ApplicantChecks(forms.Form):
    """Every error of the form at once: the rules of 条例第二十九条 (the identity number's check character,
    the contact needed…) are checked with the fields' own checks, not only once those pass — an applicant
    does not fix the e-mail address only to learn of the identity number next. The service checks again."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        values = {
            name: cleaned.get(name, self.data.get(name, "")) or ""
            for name in APPLICANT_FIELDS
            if name in self.fields
        }
        try:
            clean_applicant(**values)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                if field in self.fields and field not in self.errors:
                    for message in messages:
                        self.add_error(field, message)
        return cleaned


class ApplyForm(ApplicantChecks):
    """条例第二十九条: who applies and how to reach them, what they ask for, and in which form."""

    applicant_type = forms.ChoiceField(
        label="申请人类型", choices=ApplicantType.choices, widget=forms.RadioSelect, initial="natural_person"
    )
    applicant_name = forms.CharField(
        label="姓名或名称", max_length=200, help_text="法人或其他组织请填写全称。"
    )
    applicant_id_type = forms.ChoiceField(label="身份证明类型", choices=IdType.choices)
    applicant_id_number = forms.CharField(
        label="证件号码", max_length=64, help_text="法人或其他组织填写统一社会信用代码。"
    )
    contact_person = forms.CharField(
        label="联系人", max_length=100, required=False, help_text="法人或其他组织申请时必填。"
    )
    phone = forms.CharField(label="联系电话", max_length=64, required=False)
    email = forms.EmailField(
        label="电子邮箱",
        required=False,
        error_messages={"invalid": "电子邮箱格式不正确。"},
        help_text="填写后，办理进展和答复将同时发送到此邮箱。",
    )
    address = forms.CharField(
        label="通信地址",
        max_length=300,
        required=False,
        help_text="联系电话、电子邮箱、通信地址至少填写一项；选择邮寄的须填写地址。",
    )
    postcode = forms.CharField(label="邮政编码", max_length=16, required=False)
    description = forms.CharField(
        label="申请公开的政府信息",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text="请写明政府信息的名称、文号，或者便于查询的其他特征性描述（条例第二十九条）。",
    )
    requested_form = forms.ChoiceField(
        label="信息的指定提供形式", choices=RequestedForm.choices, widget=forms.RadioSelect
    )
    delivery_method = forms.ChoiceField(
        label="获取信息的方式", choices=InformationDelivery.choices, widget=forms.RadioSelect
    )


class StatusLookupForm(forms.Form):
    number = forms.CharField(
        label="受理编号", max_length=64, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    query_code = forms.CharField(
        label="查询码", max_length=32, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )


class CorrectionForm(forms.Form):
    """条例第三十条: the corrected application, submitted by the applicant on the status page."""

    description = forms.CharField(
        label="补正后的申请内容",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text="请按补正告知书的要求，完整写明补正后所申请公开的政府信息。",
    )
