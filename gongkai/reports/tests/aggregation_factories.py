"""A county to aggregate and supervise: its government, departments and 乡镇/街道, and the reports they
publish — in Gongkai (a frozen version, written directly: publishing itself is the workflow's to test)
or elsewhere (an imported `PublishedReport`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.models import User

from gongkai.agencies.models import Agency
from gongkai.agencies.services import agency_add
from gongkai.appeals.tests.factories import make_user
from gongkai.reports import formats
from gongkai.reports.annual.content import ReportContent, build_content, number_json
from gongkai.reports.annual.text import report_text
from gongkai.reports.models import AnnualReport, AnnualReportVersion, PublishedReport

Kind = Agency.Kind
Level = Agency.Level


@dataclass
class County:
    government: Agency
    finance: Agency  # 县财政局
    police: Agency  # 县公安局
    town: Agency  # 丹西街道
    grandchild: Agency  # 县公安局交通警察大队: below a department, not a default member
    staff: User


def make_county() -> County:
    """A county whose bodies have made their annual reports in Gongkai since 2019."""
    since = 2019
    government = agency_add(
        code="XS", name="象山县人民政府", kind=Kind.GOVERNMENT, level=Level.COUNTY, reports_from=since
    )
    finance = agency_add(code="XS-CZ", name="象山县财政局", parent_code="XS", reports_from=since)
    police = agency_add(code="XS-GA", name="象山县公安局", parent_code="XS", reports_from=since)
    town = agency_add(
        code="XS-DX", name="象山县丹西街道办事处", parent_code="XS", kind=Kind.TOWNSHIP, level=Level.TOWNSHIP,
        reports_from=since,
    )  # fmt: skip
    grandchild = agency_add(
        code="XS-GA-JJ", name="象山县公安局交通警察大队", parent_code="XS-GA", reports_from=since
    )
    return County(
        government, finance, police, town, grandchild, make_user(government, username="county-staff")
    )


def zero_cells(fmt: str = "2021") -> dict[str, Any]:
    return {key: 0 for key in formats.all_keys(fmt)}


def publish(
    agency: Agency,
    year: int,
    by: User,
    *,
    published_on: date | None = None,
    cells: Mapping[str, Any] | None = None,
    findings: list[dict[str, Any]] | None = None,
    number: int = 1,
) -> AnnualReportVersion:
    """The body's report as published in Gongkai: its content built now (or with `cells` instead), frozen."""
    content = build_content(agency, year, today=published_on or date(year + 1, 1, 20))
    if cells is not None:
        content.cells = {key: cells.get(key) for key in content.cells}
    content.state, content.version = AnnualReport.State.PUBLISHED, number
    report, _ = AnnualReport.objects.get_or_create(
        agency=agency, year=year, defaults={"format": content.format}
    )
    report.state = AnnualReport.State.PUBLISHED
    report.save()
    return AnnualReportVersion.objects.create(
        report=report,
        number=number,
        published_on=published_on or date(year + 1, 1, 20),
        published_by=by,
        approved_by=by,
        content=content.as_json(),
        findings=findings or [],
        text=report_text(content),
        docx=b"",
        pdf=b"",
    )


def frozen_cells(content: ReportContent) -> dict[str, Any]:
    return {key: number_json(value) for key, value in content.cells.items()}


def import_report(
    agency: Agency,
    year: int,
    cells: Mapping[str, Any],
    *,
    fmt: str = "2021",
    extras: Mapping[str, Any] | None = None,
    published_on: date | None = None,
) -> PublishedReport:
    """A report the body published elsewhere, as `gongkai report import` stores it."""
    return PublishedReport.objects.create(
        agency=agency,
        year=year,
        format=fmt,
        source_name=f"{agency.code}-{year}.txt",
        source_form="text",
        source_bytes=b"",
        text="",
        cells=dict(cells),
        extras=dict(extras or {}),
        published_on=published_on,
    )
