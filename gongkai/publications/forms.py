"""Forms of the public search and of the staff pages."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.agencies.models import Agency
from gongkai.core.uploads import RefusedUpload, RefusedUploadForm
from gongkai.publications.models import Channel, Genre, Kind, Topic, Validity
from gongkai.search.selectors import FIRST_YEAR, LAST_YEAR, MAX_PAGE, MAX_QUERY

ORDER_CHOICES = [("newest", "最新发布在前"), ("relevance", "相关度（标题命中在前）")]


class SearchForm(forms.Form):
    q = forms.CharField(label="检索词", required=False, max_length=MAX_QUERY)
    agency = forms.ChoiceField(label="发布机构", required=False)
    subtree = forms.BooleanField(label="含下级机关", required=False)
    year = forms.IntegerField(label="发布年度", required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR)
    validity = forms.ChoiceField(label="有效性", required=False, choices=[("", "全部"), *Validity.choices])
    genre = forms.ChoiceField(label="体裁", required=False, choices=[("", "全部"), *Genre.choices])
    kind = forms.ChoiceField(label="信息类型", required=False, choices=[("", "全部"), *Kind.choices])
    order = forms.ChoiceField(label="排序", required=False, choices=ORDER_CHOICES)
    page = forms.IntegerField(
        label="页码", required=False, min_value=1, max_value=MAX_PAGE, widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agencies = Agency.objects.order_by("path").values_list("code", "name", "path")
        choices = [("", "全部机关")] + [
            (code, "　" * (path.count("/") - 2) + name) for code, name, path in agencies
        ]
        self.fields["agency"].choices = choices  # type: ignore[attr-defined]

    def has_query(self) -> bool:
        data = self.cleaned_data
        return bool(
            data.get("q", "").strip() or data.get("agency") or data.get("year") or data.get("validity")
        )


class PublicationForm(forms.Form):
    """Staff's draft form: the item's metadata and body."""

    title = forms.CharField(label="标题", max_length=300)
    doc_number = forms.CharField(
        label="文号", max_length=100, required=False, help_text="如 甬发改投资〔2024〕12号"
    )
    issuer = forms.CharField(label="发布机构", max_length=200, required=False, help_text="不填则为本机关")
    made_on = forms.DateField(
        label="成文日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    changed_on = forms.DateField(
        label="变更日期",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="信息变更的，公开时限自变更之日起算（条例第二十六条）",
    )
    category = forms.TypedChoiceField(label="公开目录", coerce=int, required=False, empty_value=None)
    topic = forms.ChoiceField(label="主题分类", choices=Topic.choices)
    genre = forms.ChoiceField(label="体裁", choices=Genre.choices)
    kind = forms.ChoiceField(label="信息类型", choices=Kind.choices)
    channels = forms.MultipleChoiceField(
        label="发布渠道",
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        initial=["website"],
    )
    interprets = forms.CharField(
        label="解读的文件",
        required=False,
        max_length=64,
        help_text="政策解读、图解填写被解读文件的索引号（如 NB-FGW/2024-00012）；尚未发布的文件填写其内部编号",
    )
    body = forms.CharField(
        label="正文",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="可直接粘贴网页或文档中的格式文字（HTML），脚本和样式会被清除；纯文字按行分段。",
    )

    def __init__(self, *args: Any, categories: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "（请选择）"), *categories]  # type: ignore[attr-defined]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="理由", widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000
    )


class ApproveForm(ReasonForm):
    published_on = forms.DateField(
        label="发布日期",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="不填则为今天",
    )


class AttachmentForm(RefusedUploadForm):
    file = forms.FileField(
        label="附件",
        help_text="PDF、DOCX、PNG 或 JPEG，不超过 20 MB",
        error_messages={"required": "请选择要上传的附件。", "empty": "上传的附件是空文件。"},
    )

    def refused_message(self, refused: RefusedUpload) -> str:
        return f"附件“{refused.name}”{refused.reason}。"


class ValidityForm(forms.Form):
    validity = forms.ChoiceField(label="有效性", choices=Validity.choices)
    changed_on = forms.DateField(
        label="失效或废止日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    successor = forms.CharField(label="替代文件的索引号", required=False, max_length=64)
    note = forms.CharField(label="说明", required=False, max_length=500)
