"""Storing audited published reports as a body's report for their year."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import can_read, require_role, role_check
from gongkai.core.audit import audit_record
from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.models import AuditFinding, PublishedReport

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@dataclass
class ReportFile:
    """An audited report and the bytes of the file it was read from."""

    report: ParsedReport
    data: bytes
    name: str


# The code of the refusal to replace a year's stored report unasked: the upload page then offers `replace`.
YEAR_ALREADY_STORED = "year_already_stored"
_import_reports = role_check(can_read, "您无权为{agency}导入年度报告。")


def _require_import(actor: User | None, agency: Agency) -> None:
    """The body's own staff, a supervising office above it, or an administrator (a command run on
    the server has no actor and may)."""
    if actor is not None:
        require_role(actor, agency, _import_reports, action="published_report_import")


def published_reports_import(
    *, agency: Agency, files: list[ReportFile], replace: bool = False, actor: User | None = None
) -> list[PublishedReport]:
    """Store each report as the body's published report for its year: all of them or none.

    A year that already has a stored report is rejected unless `replace`, which deletes the stored
    one with its findings and their review.
    """
    _require_import(actor, agency)
    problems: list[str] = []
    years: dict[int, str] = {}
    for file in files:
        year = file.report.year
        if year is None:
            problems.append(f"{file.name}：无法从标题或正文确定报告年度")
        elif year in years:
            problems.append(f"{file.name}：与 {years[year]} 同为 {year} 年度的报告")
        else:
            years[year] = file.name
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        stored = {
            report.year: report
            for report in PublishedReport.objects.select_for_update().filter(agency=agency, year__in=years)
        }
        if stored and not replace:
            raise ValidationError(
                [
                    ValidationError(
                        f"{agency.name}{year}年度已存有已发布的年度报告（{report.source_name}，"
                        f"导入于 {report.imported_at:%Y-%m-%d}），已保留原报告",
                        code=YEAR_ALREADY_STORED,
                    )
                    for year, report in sorted(stored.items())
                ]
            )
        created: list[PublishedReport] = []
        for file in files:
            old = stored.get(file.report.year or 0)
            replaced = None
            if old is not None:
                replaced = {"id": old.pk, "source_name": old.source_name, "findings": old.findings.count()}
                old.delete()
            published = _store(agency, file, file.report.year or 0, actor)
            audit_record(
                action="published_report_import",
                actor=actor,
                agency=agency,
                obj=published,
                message=f"导入{agency.name}{published.year}年度已发布的年度报告：{file.name}"
                + ("（替换原有报告）" if replaced else ""),
                detail={"year": published.year, "format": published.format, "replaced": replaced},
            )
            created.append(published)
    return created


def _store(agency: Agency, file: ReportFile, year: int, actor: User | None) -> PublishedReport:
    report = file.report
    published = PublishedReport.objects.create(
        agency=agency,
        year=year,
        format=report.format or "",
        source_name=file.name[-255:],
        source_form=report.source_form or "",
        source_bytes=file.data,
        text="\n".join(report.lines),
        title=(report.title or "")[:300],
        agency_name_printed=(report.agency_name or "")[:200],
        period_start=report.period[0] if report.period else None,
        period_end=report.period[1] if report.period else None,
        published_on=report.published_on,
        cells=report.as_json()["cells"],
        cell_lines=report.cell_lines,
        sections={key: list(value) for key, value in report.sections.items()},
        tables_found=report.tables_found,
        extras=report.extras,
        imported_by=actor,
    )
    AuditFinding.objects.bulk_create(
        AuditFinding(
            report=published,
            position=position,
            rule=finding.rule,
            severity=finding.severity,
            message=finding.message,
            keys=finding.keys,
            evidence=[e.as_json() for e in finding.evidence],
        )
        for position, finding in enumerate(report.findings)
    )
    return published
