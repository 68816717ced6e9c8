"""The forms of the annual report's workbench pages: the prose, table 二's figures (one field per key of
the year's format, with the template's labels and units), the figures file, and each workflow step."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from gongkai.reports import formats
from gongkai.reports.annual.figures import Number, figure_keys, may_be_negative, parse_value, unit
from gongkai.reports.annual.figures_csv import MAX_BYTES, show
from gongkai.reports.annual.steps import REASON_LIMIT, TEXT_LIMIT

FIGURE_MAX_LENGTH = 30  # a figure is at most 14 digits with 4 decimals: anything longer is not one


def _text_field(label: str, help_text: str = "", rows: int = 8, limit: int = TEXT_LIMIT) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=limit,
        strip=True,
        help_text=help_text,
        error_messages={"max_length": f"{label}不能超过{limit}字（现有%(show_value)d字）。"},
        widget=forms.Textarea(attrs={"rows": rows, "maxlength": limit}),
    )


class ProseForm(forms.Form):
    """一、五 (and for a government 工作考核、社会评议和责任追究结果情况) and 六 of the report."""

    overview = _text_field(
        "一、总体情况",
        "按主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面叙述，篇幅原则上不超过一千字。"
        "文中引用的数字须与统计表一致。",
        rows=16,
    )
    problems = _text_field(
        "五、存在的主要问题及改进情况",
        "实事求是、明确具体，不得敷衍了事，不得与上一年度雷同。",
    )
    assessment = _text_field(
        "工作考核、社会评议和责任追究结果情况",
        "人民政府的年度报告须报告（条例第五十条），列于第五部分之后。",
        rows=5,
    )
    other_matters = _text_field(
        "六、其他需要报告的事项（本机关填写部分）",
        "收取信息处理费的情况由系统按收费记录写在本部分开头；此处填写其他需要报告的事项，没有可留空。",
        rows=5,
    )

    def __init__(self, *args: Any, government: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not government:
            del self.fields["assessment"]


def _unit_help(fmt: str, key: str) -> str:
    # 格式2019's 本年增/减 is a change against the year before: a decrease is entered as a negative number.
    return f"{unit(key)}（减少填负数）" if may_be_negative(fmt, key) else unit(key)


def field_name(key: str) -> str:
    """A canonical key as a form field's name (dots would spoil the HTML ids)."""
    return key.replace(".", "__")


@dataclass
class FigureRow:
    """One row of a 第二十条 item: its label and a field per column."""

    label: str
    fields: list[forms.BoundField]


@dataclass
class FigureItem:
    title: str
    columns: list[str]
    rows: list[FigureRow]


class FiguresForm(forms.Form):
    """Every figure of table 二 of the year's format; an empty field leaves the figure blank (never 0).
    Figures computed from the body's records are shown, read-only."""

    def __init__(
        self,
        *args: Any,
        fmt: str,
        figures: Mapping[str, Number | None],
        computed: Mapping[str, Number],
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("initial", {field_name(key): show(value) for key, value in figures.items()})
        super().__init__(*args, **kwargs)
        self.fmt = fmt
        self.computed = computed
        for key in figure_keys(fmt):
            label = formats.label_for(fmt, key)
            field = forms.CharField(
                label=label,
                required=False,
                max_length=FIGURE_MAX_LENGTH,
                disabled=key in computed,
                error_messages={"max_length": f"{label}：不是有效的数字（过长）"},
                help_text="由本机关规范性文件记录计算" if key in computed else _unit_help(fmt, key),
                widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 12, "class": "figure"}),
            )
            if key in computed:
                field.initial = show(computed[key])
            self.fields[field_name(key)] = field

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for key in figure_keys(self.fmt):
            name = field_name(key)
            if key in self.computed or name not in cleaned:
                continue
            text = cleaned[name]
            try:
                cleaned[name] = parse_value(self.fmt, key, text) if text else None
            except ValueError as error:
                self.add_error(name, str(error))
        return cleaned

    def values(self) -> dict[str, Number | None]:
        """The typed figures by canonical key, computed ones left out (the service keeps them)."""
        return {
            key: self.cleaned_data[field_name(key)]
            for key in figure_keys(self.fmt)
            if key not in self.computed
        }

    def items(self) -> Iterator[FigureItem]:
        """The fields laid out as the template's items: a table per 第二十条 item, a row per row."""
        spec = formats.spec()["formats"][self.fmt]["tables"]
        for name, table in spec.items():
            if not name.startswith("item20_"):
                continue
            columns = [str(label).split(" (")[0] for label in table["columns"].values()]
            rows = [
                FigureRow(
                    str(row_label),
                    [self[field_name(f"{name}.{row}.{column}")] for column in table["columns"]],
                )
                for row, row_label in table["rows"].items()
            ]
            yield FigureItem(str(table["title"]), columns, rows)


TOO_LARGE = f"文件超过 {MAX_BYTES // 1024} KB，不是年度数据文件（年度数据文件只有十几行）。"


class FiguresUploadForm(forms.Form):
    file = forms.FileField(
        label="年度数据文件（CSV）",
        help_text=f"UTF-8 编码的 CSV 文件，表头为 key,value，不超过 {MAX_BYTES // 1024} KB。",
        error_messages={"required": "请选择要导入的文件。", "empty": "上传的文件是空的。"},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def __init__(self, *args: Any, too_large: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.too_large = too_large  # the file was dropped while it arrived (`core.uploads`)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.too_large:
            # Say why the file is missing instead of "no file chosen".
            self.errors.pop("file", None)
            self.add_error("file", TOO_LARGE)
        return cleaned

    def clean_file(self) -> UploadedFile[bytes]:
        upload: UploadedFile[bytes] = self.cleaned_data["file"]
        if (upload.size or 0) > MAX_BYTES:
            raise forms.ValidationError(TOO_LARGE)
        return upload


class SubmitForm(forms.Form):
    acknowledge_warnings = forms.BooleanField(
        label="已核实以上警告，确认提交",
        required=False,
        help_text="报告有警告时须逐项核实后勾选；有错误的报告不能提交。",
    )


def _reason_field(label: str, required_message: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=REASON_LIMIT,
        error_messages={
            "required": required_message,
            "max_length": f"{label}不能超过{REASON_LIMIT}字（现有%(show_value)d字）。",
        },
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": REASON_LIMIT}),
    )


class ReturnForm(forms.Form):
    reason = _reason_field("退回原因", "请写明退回的原因。")


class CorrectForm(forms.Form):
    reason = _reason_field("更正原因", "请写明更正的原因。")


class ApproveForm(forms.Form):
    note = forms.CharField(
        label="批准意见（可不填）",
        required=False,
        max_length=REASON_LIMIT,
        error_messages={"max_length": f"批准意见不能超过{REASON_LIMIT}字（现有%(show_value)d字）。"},
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": REASON_LIMIT}),
    )


class PublishForm(forms.Form):
    pass


STEP_FORMS: dict[str, type[forms.Form]] = {
    "submit": SubmitForm,
    "return": ReturnForm,
    "approve": ApproveForm,
    "publish": PublishForm,
    "correct": CorrectForm,
}
