"""The forms of the supervision pages: the dashboard's filters, a government's member set for a year,
and a body marked as covered by another body's report."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from gongkai.agencies.models import Agency
from gongkai.reports.annual.dashboard import STATUS_LABELS
from gongkai.reports.counts import FIRST_GENERATED_YEAR
from gongkai.reports.forms import AgencyChoiceField
from gongkai.reports.models import CoveredBody


def year_choices(today: date) -> list[tuple[int, str]]:
    """The report years a supervising office works on: from the first generated one to this year."""
    return [(year, f"{year}年度") for year in range(today.year, FIRST_GENERATED_YEAR - 1, -1)]


class DashboardFilterForm(forms.Form):
    year = forms.TypedChoiceField(label="报告年度", coerce=int)
    status = forms.ChoiceField(label="状态", required=False, choices=[("", "全部"), *STATUS_LABELS.items()])
    kind = forms.ChoiceField(label="类型", required=False, choices=[("", "全部"), *Agency.Kind.choices])

    def __init__(self, data: Any, *, today: date) -> None:
        super().__init__(data)
        year = self.fields["year"]
        assert isinstance(year, forms.TypedChoiceField)
        year.choices = year_choices(today)
        self.default_year = today.year - 1  # in January and February: last year's reports

    def filters(self) -> dict[str, Any]:
        """The chosen year and filters; the defaults where nothing (valid) was chosen."""
        if not self.is_bound:
            return {"year": self.default_year, "status": "", "kind": ""}
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "year": data.get("year") or self.default_year,
            "status": data.get("status", ""),
            "kind": data.get("kind", ""),
        }


class RegionBodies(forms.ModelMultipleChoiceField[Agency]):
    widget = forms.CheckboxSelectMultiple
    covered: dict[int, str]  # agency id → the name of the body covering it that year

    def label_from_instance(self, obj: Agency) -> str:
        if obj.pk in self.covered:
            return f"{obj.name}（由{self.covered[obj.pk]}报告）"
        return f"{obj.name}（{obj.get_kind_display()}）"


class MembersForm(forms.Form):
    members = RegionBodies(
        label="纳入汇总的机关",
        queryset=Agency.objects.none(),
        required=False,
        help_text="不选任何机关并保存，即恢复默认范围：本级政府、其所属部门和乡镇（街道）。",
    )

    def __init__(self, *args: Any, region: Agency, year: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["members"]
        assert isinstance(field, RegionBodies)
        field.queryset = region.subtree().order_by("path")
        field.covered = dict(
            CoveredBody.objects.filter(year=year, agency__path__startswith=region.path).values_list(
                "agency_id", "covered_by__name"
            )
        )


class CoveringForm(forms.Form):
    agency = AgencyChoiceField(label="机关", queryset=Agency.objects.none())
    covered_by = AgencyChoiceField(label="由其报告的机关", queryset=Agency.objects.none())

    def __init__(self, *args: Any, region: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("agency", "covered_by"):
            field = self.fields[name]
            assert isinstance(field, AgencyChoiceField)
            field.queryset = region.subtree().order_by("path")
