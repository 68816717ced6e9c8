"""The workbench's forms other than the actions on one application: staff intake and the queue's filters.

Forms check the shape of the input; the rules of the 条例 are the services' (their ValidationError is
put back on the form by `gongkai.core.form_errors.attach_error`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.applications.applicant_form import ApplicantForm, blank
from gongkai.applications.intake import APPLICANT_FIELDS
from gongkai.applications.models import (
    Channel,
    LetterKind,
    Status,
)

OPEN = "open"  # the selector's "every status but closed"
ALL = "all"
STATE_CHOICES = [
    ("", "全部期限状态"),
    ("overdue", "已逾期"),
    ("due_soon", "即将到期（5个工作日内）"),
    ("ok", "期限内"),
]


class DateInput(forms.DateInput):
    """The browser's date picker; it sends YYYY-MM-DD, which is also what may be typed without one."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def date_field(
    label: str, *, required: bool = True, help_text: str = "", today: bool = True
) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=DateInput(),
        initial=timezone.localdate if today else None,
    )


class IntakeForm(ApplicantForm):
    """Staff intake of an application received by any channel (条例第二十九条、第三十一条)."""

    staff = True
    field_order = ["channel", "letter_kind", "received_on", *APPLICANT_FIELDS, "note"]

    channel = forms.ChoiceField(label="申请方式", choices=Channel.choices, widget=forms.RadioSelect)
    letter_kind = forms.ChoiceField(
        label="信函类型",
        choices=blank(LetterKind.choices, "（非信函申请不填）"),
        required=False,
        help_text="挂号信、特快专递以签收之日为收到日期；平信以双方确认之日为收到日期（条例第三十一条）。",
    )
    received_on = date_field(
        "收到申请日期",
        required=False,
        help_text="当面提交为提交之日；挂号信为签收之日；平信、传真、网络为双方确认之日，尚未确认的留空，确认后再登记。",
    )
    note = forms.CharField(label="登记说明", widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def clean_received_on(self) -> Any:
        # An empty date means "not yet confirmed": the service decides what that implies per channel.
        return self.cleaned_data.get("received_on") or None


def body_choices(bodies: list[Agency], everyone: str) -> list[tuple[str, str]]:
    """A subtree's bodies for a select, indented under their parents."""
    top = min(body.depth for body in bodies)
    return [("", everyone), *((body.code, "\u3000" * (body.depth - top) + body.name) for body in bodies)]


class BodyFilterMixin(forms.Form):
    """A `body` filter over a supervising office's subtree (only when there is one)."""

    def add_body_filter(self, bodies: list[Agency] | None, everyone: str) -> None:
        self.bodies = bodies or []
        if len(self.bodies) > 1:
            self.fields["body"] = forms.ChoiceField(
                label="机关", choices=body_choices(self.bodies, everyone), required=False
            )

    def chosen_bodies(self) -> list[Agency]:
        """The bodies to list: the one chosen, else the whole subtree."""
        self.is_valid()
        code = getattr(self, "cleaned_data", {}).get("body")
        chosen = [body for body in self.bodies if body.code == code]
        return chosen or self.bodies


class QueueFilterForm(BodyFilterMixin):
    """The queue's filters: every field optional, a bad value is dropped rather than shown as an error.
    A supervising office's queue holds its whole subtree, and a `body` filter."""

    q = forms.CharField(label="搜索", required=False, max_length=100)
    status = forms.ChoiceField(
        label="状态", choices=[(OPEN, "未办结"), *Status.choices, (ALL, "全部（含已办结）")], required=False
    )
    state = forms.ChoiceField(label="期限", choices=STATE_CHOICES, required=False)
    channel = forms.ChoiceField(label="申请方式", choices=blank(Channel.choices, "全部方式"), required=False)
    year = forms.IntegerField(label="收到年度", required=False, min_value=1990, max_value=2999)

    def __init__(self, *args: Any, bodies: list[Agency] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_body_filter(bodies, "全部机关")

    def filters(self) -> dict[str, Any]:
        """The valid filters, by the selector's argument names. The queue shows the open applications
        unless another status, or all of them, is asked for."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        filters = {
            name: data[name] for name in self.fields if name != "body" and data.get(name) not in (None, "")
        }
        status = filters.pop("status", OPEN)
        if status != ALL:
            filters["status"] = status
        return filters
