"""The actions on one application that the workbench offers, each a form whose fields are the keyword
arguments of its service in `gongkai.applications.services`.

Which actions appear is decided by `services.allowed_actions(application, user)`; the service itself
checks the role and the state again when the form is posted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms

from gongkai.applications import selectors, services
from gongkai.applications.models import (
    NOTICE_EVENT_KINDS,
    Application,
    ConsultationKind,
    EventKind,
    FeeMethod,
    NoticeDelivery,
)
from gongkai.reports.formats import FORMAT_2021, request_label, result_rows
from gongkai.workbench.forms import date_field

SERVICE_PREFIX = "application_"


class ActionForm(forms.Form):
    """A form for one action on `application` (some choices depend on it)."""

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        self.application = application
        super().__init__(*args, **kwargs)


class ConfirmReceiptForm(ActionForm):
    received_on = date_field(
        "收到申请日期",
        help_text="网络、传真、平信提交的申请，以双方确认之日为收到申请之日（条例第三十一条）。",
    )


class RequestCorrectionForm(ActionForm):
    notified_on = date_field(
        "告知补正日期", help_text="应在收到申请之日起7个工作日内一次性告知（条例第三十条）。"
    )
    items = forms.CharField(
        label="需要补正的事项",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="一次性写明全部需要补正的事项。",
    )
    period_workdays = forms.IntegerField(
        label="补正期限（工作日）", min_value=1, max_value=60, initial=services.CORRECTION_PERIOD_RULE
    )
    long_period_reason = forms.CharField(
        label="补正期限超过15个工作日的理由", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReceiveCorrectionForm(ActionForm):
    received_on = date_field(
        "收到补正日期",
        help_text="答复期限自收到补正之日起重新计算（条例第三十条）；网上提交的，为确认收到之日。",
    )
    description = forms.CharField(
        label="补正后的申请内容",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="留空则保留原申请内容（申请人已在网上提交的，以其提交的内容为准）。",
    )
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class LapseCorrectionForm(ActionForm):
    on = date_field("处理日期", help_text="补正期限届满未补正的，视为放弃申请，不再处理（条例第三十条）。")
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class StartConsultationForm(ActionForm):
    kind = forms.ChoiceField(label="征求对象类型", choices=ConsultationKind.choices)
    party = forms.CharField(label="征求意见对象", max_length=200)
    sent_on = date_field(
        "发出日期",
        help_text="第三方自收到征求意见书之日起15个工作日内提出意见，所需时间不计入答复期限（条例第三十二条、第三十三条）。",
    )
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class EndConsultationForm(ActionForm):
    consultation_id = forms.TypedChoiceField(label="征求意见事项", coerce=int, empty_value=None)
    outcome = forms.ChoiceField(label="意见", choices=list(services.CONSULTATION_OUTCOMES.items()))
    answered_on = date_field("收到意见日期")
    opinion = forms.CharField(label="意见内容", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        super().__init__(*args, application=application, **kwargs)
        field = self.fields["consultation_id"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [
            (event.pk, f"{event.data.get('party', '')}（{event.effective_on} 发出）")
            for event in selectors.open_consultations(application)
        ]


class ExtendForm(ActionForm):
    workdays = forms.IntegerField(label="延长工作日数", min_value=1, max_value=20, initial=20)
    reason = forms.CharField(label="延期理由", widget=forms.Textarea(attrs={"rows": 2}))
    approved_on = date_field("负责人同意日期")
    notified_on = date_field(
        "告知申请人日期", help_text="应在原答复期限届满前告知申请人（条例第三十三条第二款）。"
    )


class NotifyFeeForm(ActionForm):
    method = forms.ChoiceField(label="计收方式", choices=FeeMethod.choices, widget=forms.RadioSelect)
    pages = forms.IntegerField(label="页数（按量计收）", min_value=1, required=False)
    amount = forms.IntegerField(
        label="收费金额（元）",
        min_value=0,
        required=False,
        help_text="留空按收费标准计算；少于标准的为减免，须写明理由。",
    )
    waiver_reason = forms.CharField(label="减免理由", required=False)
    notified_on = date_field("收费通知日期", help_text="自发出收费通知至缴费之日不计入答复期限。")


class RecordPaymentForm(ActionForm):
    paid_on = date_field("缴费日期")
    note = forms.CharField(label="说明", required=False)


class LapseFeeForm(ActionForm):
    on = date_field("处理日期", help_text="收到收费通知次日起20个工作日内未缴费的，视为放弃申请。")
    note = forms.CharField(label="说明", required=False)


class WithdrawForm(ActionForm):
    withdrawn_on = date_field("撤回日期")
    note = forms.CharField(label="撤回说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ResultSelect(forms.Select):
    """The decision select; the results that only their own "逾期" actions may give are shown, disabled."""

    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option: dict[str, Any] = super().create_option(name, value, *args, **kwargs)
        if value in services.LAPSE_RESULTS:
            option["attrs"]["disabled"] = True
        return option


# Table 三's groups of results (格式2021): （一）and（二）stand alone, the others group their numbered rows.
RESULT_GROUPS = {
    "（三）": "（三）不予公开",
    "（四）": "（四）无法提供",
    "（五）": "（五）不予处理",
    "（六）": "（六）其他处理",
}


def result_choices() -> list[Any]:
    """The 21 results of table 三, grouped and numbered as the report prints them."""
    choices: list[Any] = [("", "请选择处理结果")]
    groups: dict[str, list[tuple[str, str]]] = {}
    for row in result_rows(FORMAT_2021):
        label = request_label(FORMAT_2021, row).removeprefix("三")
        group = label[:3]
        if group in RESULT_GROUPS:
            item = label[3:]
            if row in services.LAPSE_RESULTS:
                item += "（以相应的“逾期”操作办结）"
            if group not in groups:
                groups[group] = []
                choices.append((RESULT_GROUPS[group], groups[group]))
            groups[group].append((row, item))
        else:
            choices.append((row, label))
    return choices


class DraftReplyForm(ActionForm):
    result = forms.ChoiceField(label="处理结果", choices=result_choices, widget=ResultSelect)
    reasons = forms.CharField(
        label="理由",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="不予公开、部分公开等须说明理由（条例第三十六条第（三）项）。",
    )


class SignReplyForm(ActionForm):
    replied_on = date_field("答复日期")


class RecordDeliveryForm(ActionForm):
    notice_event_id = forms.TypedChoiceField(label="告知书", coerce=int)
    method = forms.ChoiceField(label="送达方式", choices=NoticeDelivery.choices)
    delivered_on = date_field("送达日期")
    proof = forms.CharField(
        label="送达凭证", max_length=500, help_text="如签收回执、邮件单号、电子邮件发送记录。"
    )

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        super().__init__(*args, application=application, **kwargs)
        field = self.fields["notice_event_id"]
        assert isinstance(field, forms.TypedChoiceField)
        notices = application.events.filter(kind__in=NOTICE_EVENT_KINDS).order_by("-at", "-id")
        field.choices = [
            (event.pk, f"{EventKind(event.kind).label}（{event.effective_on}）") for event in notices
        ]


@dataclass(frozen=True)
class Action:
    name: str  # the URL's name: the service's name without "application_"
    title: str
    form: type[ActionForm]
    button: str
    danger: bool = False  # closes the application

    @property
    def service_name(self) -> str:
        return SERVICE_PREFIX + self.name

    @property
    def service(self) -> Callable[..., Any]:
        function: Callable[..., Any] = getattr(services, self.service_name)
        return function

    @property
    def head_only(self) -> bool:
        return services.ACTION_CHECKS[self.service_name][1]


ACTIONS: dict[str, Action] = {
    action.name: action
    for action in (
        Action("confirm_receipt", "确认收到申请", ConfirmReceiptForm, "确认收到"),
        Action("request_correction", "告知补正", RequestCorrectionForm, "发出补正告知"),
        Action("receive_correction", "收到补正", ReceiveCorrectionForm, "登记收到补正"),
        Action("lapse_correction", "逾期未补正", LapseCorrectionForm, "按逾期未补正办结", danger=True),
        Action("start_consultation", "征求意见", StartConsultationForm, "发出征求意见"),
        Action("end_consultation", "征求意见结果", EndConsultationForm, "登记意见"),
        Action("extend", "延期答复", ExtendForm, "批准延期"),
        Action("notify_fee", "收费通知", NotifyFeeForm, "发出收费通知"),
        Action("record_payment", "登记缴费", RecordPaymentForm, "登记缴费"),
        Action("lapse_fee", "逾期未缴费", LapseFeeForm, "按逾期未缴费办结", danger=True),
        Action("withdraw", "申请人撤回", WithdrawForm, "登记撤回", danger=True),
        Action("draft_reply", "拟写答复", DraftReplyForm, "保存答复稿"),
        Action("sign_reply", "签发答复", SignReplyForm, "签发答复", danger=True),
        Action("record_delivery", "登记送达", RecordDeliveryForm, "登记送达"),
    )
}


def for_service(service_name: str) -> Action:
    return ACTIONS[service_name.removeprefix(SERVICE_PREFIX)]
