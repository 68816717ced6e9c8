"""The workbench's forms for 行政复议 and 行政诉讼 cases: registering a case, the steps recorded on a case's
page, and the filters of a body's list of cases.

Each step's form gives the keyword arguments of one service of `gongkai.appeals.services`; the forms
check the shape of the input, the services the rules (their ValidationError is put back on the form by
`gongkai.core.form_errors.attach_error`). The case form also runs the service's own `case_errors` before
saving, so that all its errors show at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from django import forms

from gongkai.agencies.models import Agency
from gongkai.appeals.models import AppealCase, CaseKind, Outcome
from gongkai.appeals.selectors import DECIDED, PENDING
from gongkai.appeals.services import CaseFacts, allowed_actions, case_errors
from gongkai.applications.applicant_form import blank
from gongkai.applications.models import Application
from gongkai.workbench.forms import BodyFilterMixin, date_field

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    AnyUser = User | AnonymousUser

OUTCOME_HELP = (
    "维持：复议维持，或判决驳回诉讼请求；纠正：被依法纠错（撤销、变更、确认违法、责令履行等）；"
    "其他：驳回复议申请、终止、撤回复议申请、撤诉、裁定驳回起诉等。"
    "年度报告表四按当年12月31日已知的结果统计。"
)
REOPEN_LABEL = "重新进入审理（上诉、发回重审等）"


def _text(max_length: int, label: str, help_text: str = "") -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length, required=False, help_text=help_text)


def _note(label: str = "备注") -> forms.CharField:
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": 2}))


def copy_label(kind: str) -> str:
    return "收到行政复议申请书副本日期" if kind == CaseKind.RECONSIDERATION else "收到起诉状副本日期"


def response_label(kind: str) -> str:
    return "提交书面答复日期" if kind == CaseKind.RECONSIDERATION else "提交答辩状日期"


class CaseForm(forms.Form):
    """A case's details: registering it (`appeal_case_register`) or correcting them (`appeal_case_update`).

    The linked application is typed by its number and looked up among the body's own applications."""

    kind = forms.ChoiceField(label="案件类型", choices=CaseKind.choices, widget=forms.RadioSelect)
    case_number = _text(
        100, "案号", "如“象政复〔2025〕12号”“（2025）浙0225行初123号”；尚未编号的可以以后补填。"
    )
    authority = _text(200, "复议机关或人民法院")
    filed_on = date_field("申请或起诉日期", help_text="申请人提出行政复议申请或者提起行政诉讼的日期。")
    copy_received_on = date_field(
        "收到申请书或起诉状副本日期",
        required=False,
        today=False,
        help_text="本机关的答复（答辩）期限自收到副本之日起计算；尚未收到的留空。",
    )
    response_submitted_on = date_field("提交书面答复或答辩状日期", required=False, today=False)
    simplified_procedure = forms.BooleanField(
        label="行政复议适用简易程序",
        required=False,
        help_text="政府信息公开案件可以适用简易程序（《行政复议法》第五十三条），被申请人应自收到申请书副本之日起5日内提出书面答复（第五十四条）。",
    )
    co_defendant = forms.BooleanField(
        label="本机关系作为复议机关的共同被告",
        required=False,
        help_text="复议维持原行为的，复议机关和原行为机关为共同被告（《行政诉讼法》第二十六条第二款）；这类案件只计入原行为机关的年度报告。",
    )
    application = forms.CharField(
        label="相关申请的受理编号",
        max_length=64,
        required=False,
        help_text="案件所涉本机关办理的政府信息公开申请；在本系统以外办理的可留空。",
    )
    note = _note()

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        self.agency = agency
        super().__init__(*args, **kwargs)

    def clean_application(self) -> Application | None:
        number = (self.cleaned_data.get("application") or "").strip()
        if not number:
            return None
        application = Application.objects.filter(agency=self.agency, number=number).first()
        if application is None:
            raise forms.ValidationError(f"{self.agency.name}没有受理编号为“{number}”的申请。")
        return application

    def clean(self) -> dict[str, Any]:
        """The service's own rules (`case_errors`, shared with the admin), so that every error shows at
        once; the service checks them again when it saves."""
        cleaned = super().clean() or {}
        outcome, decided_on = self.outcome
        facts = CaseFacts.from_mapping(self.agency, {**cleaned, "outcome": outcome, "decided_on": decided_on})
        for field, messages in case_errors(facts).items():
            if field not in self.errors:  # a field the form already rejected is not checked again
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        return cleaned

    @property
    def outcome(self) -> tuple[str, date | None]:
        """A new case starts pending (`appeal_case_register`)."""
        return Outcome.PENDING, None


class CaseEditForm(CaseForm):
    """Correcting the details of a registered case: only what was changed is sent to the service."""

    def __init__(self, *args: Any, case: AppealCase, **kwargs: Any) -> None:
        self.case = case
        initial = {
            field: getattr(case, field)
            for field in (
                "kind",
                "case_number",
                "authority",
                "filed_on",
                "copy_received_on",
                "response_submitted_on",
                "simplified_procedure",
                "co_defendant",
                "note",
            )
        }
        initial["application"] = case.application.number if case.application else ""
        super().__init__(*args, agency=case.agency, initial=initial, **kwargs)

    service: ClassVar[str] = "appeal_case_update"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not self.errors and not self.changes():
            raise forms.ValidationError("没有修改任何内容。")
        return cleaned

    @property
    def outcome(self) -> tuple[str, date | None]:
        return self.case.outcome, self.case.decided_on

    def changes(self) -> dict[str, Any]:
        changed: dict[str, Any] = {}
        for field, value in self.cleaned_data.items():
            if field == "application":
                if (value.pk if value else None) != self.case.application_id:
                    changed[field] = value
            elif value != getattr(self.case, field):
                changed[field] = value
        return changed

    def arguments(self) -> dict[str, Any]:
        return {"changes": self.changes()}


class CaseStepForm(forms.Form):
    """One step on a case's page; `arguments()` are the service's keyword arguments besides case and actor."""

    service: ClassVar[str] = "appeal_case_update"

    def __init__(self, *args: Any, case: AppealCase, **kwargs: Any) -> None:
        self.case = case
        super().__init__(*args, **kwargs)

    def arguments(self) -> dict[str, Any]:
        return {"changes": dict(self.cleaned_data)}


class CopyReceivedForm(CaseStepForm):
    copy_received_on = date_field("收到副本日期")
    simplified_procedure = forms.BooleanField(
        label="复议机关决定适用简易程序",
        required=False,
        help_text="简易程序中被申请人应自收到申请书副本之日起5日内提出书面答复（《行政复议法》第五十四条）。",
    )

    def __init__(self, *args: Any, case: AppealCase, **kwargs: Any) -> None:
        super().__init__(*args, case=case, **kwargs)
        self.fields["copy_received_on"].label = copy_label(case.kind)
        if case.is_reconsideration:
            # 《行政复议法》第四十八条、第八十八条: 10 working days (2024 on); 《行政诉讼法》第六十七条: 15 days.
            self.fields["copy_received_on"].help_text = (
                "被申请人应自收到申请书副本之日起10日（简易程序5日）内提出书面答复；"
                "2024年1月1日起为工作日（《行政复议法》第四十八条、第五十四条、第八十八条）。"
            )
            self.fields["simplified_procedure"].initial = case.simplified_procedure
        else:
            self.fields[
                "copy_received_on"
            ].help_text = (
                "被告应自收到起诉状副本之日起15日内提交证据、依据并提出答辩状（《行政诉讼法》第六十七条）。"
            )
            del self.fields["simplified_procedure"]


class ResponseSubmittedForm(CaseStepForm):
    response_submitted_on = date_field("提交日期")

    def __init__(self, *args: Any, case: AppealCase, **kwargs: Any) -> None:
        super().__init__(*args, case=case, **kwargs)
        self.fields["response_submitted_on"].label = response_label(case.kind)


class DecideForm(CaseStepForm):
    """The decision or judgment of a day; on a decided case also the case reopened (pending again)."""

    service: ClassVar[str] = "appeal_case_decide"

    outcome = forms.ChoiceField(label="结果", widget=forms.RadioSelect, help_text=OUTCOME_HELP)
    decided_on = date_field(
        "日期", help_text="复议决定书、判决书或裁定书作出之日；重新进入审理的，为上诉或立案之日。"
    )
    note = _note("说明")

    def __init__(self, *args: Any, case: AppealCase, **kwargs: Any) -> None:
        super().__init__(*args, case=case, **kwargs)
        field = self.fields["outcome"]
        assert isinstance(field, forms.ChoiceField)
        choices = [(value, label) for value, label in Outcome.choices if value != Outcome.PENDING]
        if case.outcome != Outcome.PENDING:
            choices.append((Outcome.PENDING, REOPEN_LABEL))
        field.choices = choices

    def arguments(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


@dataclass(frozen=True)
class CaseAction:
    name: str  # in the URL
    title: str
    form: type[CaseStepForm] | type[CaseEditForm]
    button: str
    litigation_title: str = ""

    def title_for(self, case: AppealCase) -> str:
        return self.litigation_title if self.litigation_title and not case.is_reconsideration else self.title


CASE_ACTIONS: dict[str, CaseAction] = {
    action.name: action
    for action in (
        CaseAction(
            "copy_received", "收到申请书副本", CopyReceivedForm, "登记", litigation_title="收到起诉状副本"
        ),
        CaseAction(
            "response_submitted",
            "提交书面答复",
            ResponseSubmittedForm,
            "登记",
            litigation_title="提交答辩状",
        ),
        CaseAction("decide", "登记结果", DecideForm, "登记结果"),
        CaseAction("edit", "更正案件信息", CaseEditForm, "保存更正"),
    )
}


def offered_actions(case: AppealCase, user: AnyUser) -> list[CaseAction]:
    """The steps the case's page offers `user` now (`appeals.services.allowed_actions` decides which)."""
    return [CASE_ACTIONS[name] for name in allowed_actions(case, user)]


def bound_form(action: CaseAction, case: AppealCase, data: Any = None) -> CaseStepForm | CaseEditForm:
    return action.form(data, case=case, prefix=action.name)


class CaseFilterForm(BodyFilterMixin):
    """The list's filters: every field optional, a bad value is dropped rather than shown as an error.
    A supervising office's list holds its whole subtree, and a `body` filter."""

    kind = forms.ChoiceField(label="案件类型", choices=blank(CaseKind.choices, "全部类型"), required=False)
    status = forms.ChoiceField(
        label="结果",
        choices=[("", "全部"), (PENDING, "尚未审结"), (DECIDED, "已审结")],
        required=False,
    )
    year = forms.IntegerField(label="申请或起诉年度", required=False, min_value=1990, max_value=2999)

    def __init__(self, *args: Any, bodies: list[Agency] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_body_filter(bodies, "全部机关")

    def filters(self) -> dict[str, Any]:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            name: data[name] for name in self.fields if name != "body" and data.get(name) not in (None, "")
        }
