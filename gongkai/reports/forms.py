"""The forms of the audit pages: uploading reports, reviewing a finding, choosing reports to list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import readable_agencies
from gongkai.core.uploads import RefusedUpload
from gongkai.reports.models import AuditFinding

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

MAX_ID = 2**63 - 1  # the largest primary key of either database
# Django refuses a request with more files than DATA_UPLOAD_MAX_NUMBER_FILES (100 by default).
MAX_FILES = 500  # settings.DATA_UPLOAD_MAX_NUMBER_FILES


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one file input (the pattern of Django's documentation)."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile[bytes]]:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if not files and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        cleaned = []
        for item in files:
            cleaned.append(super().clean(item, initial))
        return cleaned


class AgencyChoiceField(forms.ModelChoiceField[Agency]):
    def label_from_instance(self, obj: Agency) -> str:
        return "\u3000" * obj.depth + obj.name  # indented under its parent, as in the tree


class UploadForm(forms.Form):
    STORE, AUDIT_ONLY = "store", "audit"

    report_files = MultipleFileField(
        label="报告文件",
        help_text=f"可一次选择多个文件（每次最多{MAX_FILES}个，合计不超过 100 MB）：纯文本、Word（DOCX）、网页（HTML）"
        "或 PDF；Word、PDF 文件每个不超过 20 MB，纯文本、网页文件每个不超过 5 MB。",
        required=False,  # "no file" is said in clean_report_files, beside the files refused for their size
    )
    mode = forms.ChoiceField(
        label="审核后",
        choices=[(STORE, "保存为所选机关的年度报告"), (AUDIT_ONLY, "只审核，不保存")],
        initial=STORE,
        widget=forms.RadioSelect,
    )
    agency = AgencyChoiceField(
        label="所属机关",
        queryset=Agency.objects.none(),
        required=False,
        to_field_name="code",
        empty_label="（只审核时可不选）",
        help_text="保存时必选。选定机关后，每份报告都与该机关上一年度的报告对照（上年结转、与上年雷同）。",
    )
    replace = forms.BooleanField(
        label="替换该机关已存的同年度报告（原报告及其核实意见将被删除）",
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        user: User | AnonymousUser,
        refused: list[RefusedUpload] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.refused = refused or []
        field = self.fields["agency"]
        assert isinstance(field, AgencyChoiceField)
        field.queryset = readable_agencies(user).order_by("path")

    def clean_report_files(self) -> list[UploadedFile[bytes]]:
        files: list[UploadedFile[bytes]] = self.cleaned_data.get("report_files") or []
        if self.refused:
            # Each file dropped while it arrived, by name: nothing is audited until they are fixed.
            raise forms.ValidationError(
                [f"{refused}。" for refused in self.refused] + ["请删去或拆分这些文件后重新上传。"]
            )
        if not files:
            raise forms.ValidationError("请选择要上传的报告文件。", code="required")
        if len(files) > MAX_FILES:
            raise forms.ValidationError(f"一次最多上传{MAX_FILES}个文件，请分批上传。")
        return files

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("mode") == self.STORE and not cleaned.get("agency"):
            self.add_error("agency", "保存为机关的年度报告时，请选择所属机关。")
        return cleaned

    @property
    def store(self) -> bool:
        return self.cleaned_data.get("mode") == self.STORE


class ReviewForm(forms.Form):
    status = forms.ChoiceField(
        label="核实结论",
        choices=[
            (AuditFinding.Status.CONFIRMED, "确认：问题属实"),
            (AuditFinding.Status.DISMISSED, "排除：不是问题"),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="核实意见",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="排除时须写明理由。",
    )


class ReportFilterForm(forms.Form):
    """Which stored reports a list shows: of a body and those below it, of a year, or one upload."""

    agency = AgencyChoiceField(
        label="机关（含下级）",
        queryset=Agency.objects.none(),
        required=False,
        to_field_name="code",
        empty_label="全部",
    )
    year = forms.IntegerField(label="报告年度", required=False, min_value=2000, max_value=2100)
    ids = forms.CharField(label="报告编号", required=False, widget=forms.HiddenInput, max_length=5000)

    def __init__(self, *args: Any, user: User | AnonymousUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        assert isinstance(field, AgencyChoiceField)
        field.queryset = readable_agencies(user).order_by("path")

    def clean_ids(self) -> list[int]:
        text: str = self.cleaned_data.get("ids") or ""
        pieces = [piece.strip() for piece in text.split(",") if piece.strip()]
        # Digits only (isdecimal: no other scripts' digits), and an id the databases can hold (a 64-bit
        # integer): a longer one is no report, and SQLite would overflow on it.
        if not all(piece.isascii() and piece.isdecimal() and int(piece) <= MAX_ID for piece in pieces):
            raise forms.ValidationError("报告编号有误。")
        return [int(piece) for piece in pieces]
