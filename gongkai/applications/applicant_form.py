"""The applicant's fields (条例第二十九条) as a form: one definition for the portal's online form and the
workbench's staff intake, with every error of 条例第二十九条 shown at once.

The fields are `ApplicantDetails`'s, with the `Application` model's lengths. The public form requires
what the 条例 requires and helps the applicant fill it in; staff intake (`staff = True`) registers what
was received, so its fields are optional and its choices start blank — the service's own Chinese
messages say what a received application lacks.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError

from gongkai.applications.intake import APPLICANT_FIELDS, ApplicantDetails, clean_applicant
from gongkai.applications.models import ApplicantType, Application, IdType, InformationDelivery, RequestedForm

# The form's own labels where they are shorter than the model's verbose names.
LABELS = {"applicant_name": "姓名或名称", "applicant_id_type": "身份证明类型"}

# The help the public form gives beside a field.
PUBLIC_HELP = {
    "applicant_name": "法人或其他组织请填写全称。",
    "applicant_id_number": "法人或其他组织填写统一社会信用代码。",
    "contact_person": "法人或其他组织申请时必填。",
    "email": "填写后，办理进展和答复将同时发送到此邮箱。",
    "address": "联系电话、电子邮箱、通信地址至少填写一项；选择邮寄的须填写地址。",
    "description": "请写明政府信息的名称、文号，或者便于查询的其他特征性描述（条例第二十九条）。",
}

# Required on the public form (the identity document's type has a default there: the resident identity card).
PUBLIC_REQUIRED = {
    "applicant_type",
    "applicant_name",
    "applicant_id_type",
    "applicant_id_number",
    "description",
    "requested_form",
    "delivery_method",
}
STAFF_REQUIRED = {"applicant_type", "applicant_name", "description"}

DESCRIPTION_MAX_LENGTH = 5000  # the public form's limit; a paper application is registered whole


def blank(choices: list[tuple[str, Any]], label: str = "请选择") -> list[tuple[str, Any]]:
    return [("", label), *choices]


def applicant_field(name: str, *, staff: bool) -> forms.Field:
    """The form field of one of the applicant's particulars."""
    model_field = Application._meta.get_field(name)
    label = LABELS.get(name, str(getattr(model_field, "verbose_name", name)))
    required = name in (STAFF_REQUIRED if staff else PUBLIC_REQUIRED)
    help_text = "" if staff else PUBLIC_HELP.get(name, "")
    if name == "applicant_type":
        return forms.ChoiceField(
            label=label, choices=ApplicantType.choices, widget=forms.RadioSelect, initial="natural_person"
        )
    if name == "applicant_id_type":
        choices = blank(IdType.choices) if staff else IdType.choices
        return forms.ChoiceField(label=label, choices=choices, required=required)
    if name in ("requested_form", "delivery_method"):
        enum = RequestedForm if name == "requested_form" else InformationDelivery
        if staff:
            return forms.ChoiceField(label=label, choices=blank(enum.choices), required=False)
        return forms.ChoiceField(label=label, choices=enum.choices, widget=forms.RadioSelect)
    if name == "email":
        return forms.EmailField(
            label=label,
            required=False,
            error_messages={"invalid": "电子邮箱格式不正确。"},
            help_text=help_text,
        )
    if name == "description":
        return forms.CharField(
            label=label,
            widget=forms.Textarea(attrs={"rows": 4 if staff else 6}),
            max_length=None if staff else DESCRIPTION_MAX_LENGTH,
            help_text=help_text,
        )
    return forms.CharField(
        label=label,
        max_length=getattr(model_field, "max_length", None),
        required=required,
        help_text=help_text,
    )


class ApplicantForm(forms.Form):
    """A form with the applicant's fields (placed by `field_order` among the form's own), which checks
    them by the rules of 条例第二十九条 (the identity number's check character, the contact needed…)
    together with the fields' own checks, not only once those pass — an applicant does not fix the e-mail
    address only to learn of the identity number next. The service checks again."""

    staff: ClassVar[bool] = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in APPLICANT_FIELDS:
            self.fields[name] = applicant_field(name, staff=self.staff)
        self.order_fields(self.field_order)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        values = {name: cleaned.get(name, self.data.get(name, "")) or "" for name in APPLICANT_FIELDS}
        try:
            clean_applicant(ApplicantDetails.from_mapping(values))
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                if field in self.fields and field not in self.errors:
                    for message in messages:
                        self.add_error(field, message)
        return cleaned
