"""Cases in the Django admin: saved through the services, so every change is role-checked and logged."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import actable_agencies, can_act, can_read, readable_agencies
from gongkai.appeals import services
from gongkai.appeals.deadlines import response_deadline
from gongkai.appeals.models import AppealCase, AppealDecision, Outcome


class AppealCaseForm(forms.ModelForm[AppealCase]):
    class Meta:
        model = AppealCase
        fields = [
            "agency",
            "kind",
            "case_number",
            "authority",
            "application",
            "co_defendant",
            "simplified_procedure",
            "filed_on",
            "copy_received_on",
            "response_submitted_on",
            "outcome",
            "decided_on",
            "note",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        agency = data.get("agency") or getattr(self.instance, "agency", None)
        if agency is None:
            return data
        facts = services.CaseFacts.from_mapping(agency, data)
        for field, messages in services.case_errors(facts).items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
        return data


class AppealDecisionInline(admin.TabularInline[AppealDecision, AppealCase]):
    model = AppealDecision
    extra = 0
    can_delete = False
    fields = ["decided_on", "outcome", "note", "recorded_by", "recorded_at"]
    readonly_fields = ["decided_on", "outcome", "note", "recorded_by", "recorded_at"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AppealCase)
class AppealCaseAdmin(admin.ModelAdmin[AppealCase]):
    form = AppealCaseForm
    list_display = ["case_number", "kind", "agency", "filed_on", "outcome", "decided_on", "response_due"]
    list_filter = ["kind", "outcome", "co_defendant"]
    search_fields = ["case_number", "authority", "agency__name", "agency__code"]
    date_hierarchy = "filed_on"
    raw_id_fields = ["application"]
    inlines = [AppealDecisionInline]

    @admin.display(description="答复/答辩期限")
    def response_due(self, case: AppealCase) -> str:
        deadline = response_deadline(case)
        if deadline is None:
            return "—"
        return deadline.due_date.isoformat() + ("（暂定）" if deadline.provisional else "")

    def get_queryset(self, request: HttpRequest) -> QuerySet[AppealCase]:
        return super().get_queryset(request).filter(agency__in=readable_agencies(request.user))

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is None:
            return readable_agencies(request.user).exists()
        return can_read(request.user, obj.agency)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return actable_agencies(request.user).exists()

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is None:
            return actable_agencies(request.user).exists()
        return can_act(request.user, obj.agency)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Cases are part of the annual statistics: corrected, never deleted.
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # A case stays with the body it was registered for.
        return ["agency"] if obj is not None else []

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "agency":
            kwargs["queryset"] = Agency.objects.filter(pk__in=actable_agencies(request.user))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: AppealCase, form: Any, change: bool) -> None:
        data = form.cleaned_data
        user: Any = request.user
        if not change:
            case = services.appeal_case_register(
                actor=user,
                agency=data["agency"],
                kind=data["kind"],
                filed_on=data["filed_on"],
                application=data.get("application"),
                case_number=data.get("case_number", ""),
                authority=data.get("authority", ""),
                co_defendant=data.get("co_defendant", False),
                simplified_procedure=data.get("simplified_procedure", False),
                copy_received_on=data.get("copy_received_on"),
                response_submitted_on=data.get("response_submitted_on"),
                note=data.get("note", ""),
            )
        else:
            case = AppealCase.objects.get(pk=obj.pk)
            changes = {
                field: data[field]
                for field in services.EDITABLE_FIELDS
                if field in form.changed_data and field in data
            }
            if changes:
                case = services.appeal_case_update(case=case, actor=user, changes=changes)
        outcome = data.get("outcome") or Outcome.PENDING
        if outcome != case.outcome or (
            outcome != Outcome.PENDING and data.get("decided_on") != case.decided_on
        ):
            services.appeal_case_decide(
                case=case,
                outcome=outcome,
                decided_on=data.get("decided_on") or timezone.localdate(),
                actor=user,
            )
        obj.pk = case.pk
        obj.refresh_from_db()

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # The decisions inline is read-only; steps are added by `appeal_case_decide`.
        return None
