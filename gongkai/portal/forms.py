"""The public forms: applying online, looking up an application, submitting a correction.

They check the shape of the input (required, lengths, e-mail); the rules of the 条例 (which contact is
needed, the identity number's form…) are the services' (`gongkai.applications.intake`); the applicant's fields are
`gongkai.applications.applicant_form`'s.
"""

from __future__ import annotations

from django import forms

from gongkai.applications.applicant_form import ApplicantForm


class ApplyForm(ApplicantForm):
    """条例第二十九条: who applies and how to reach them, what they ask for, and in which form."""


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
