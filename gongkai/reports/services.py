"""Auditing uploaded annual reports (and storing them as a body's reports), and reviewing findings.

Reading is the reader's (`gongkai.reports.audit.reader`), the checks are the rules engine's
(`gongkai.reports.auditing.audit_report` → `gongkai.reports.rules.run_rules`), storing is
`gongkai.reports.audit.services.published_reports_import`: this module puts them together for an upload
of many files, with last year's report beside each, and records the review of a finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import can_read, has_some_role, require_role, role_check
from gongkai.core.archives import ArchiveRefused, check_archive
from gongkai.core.audit import audit_record
from gongkai.reports.audit.inputs import ReportUnreadable
from gongkai.reports.audit.model import ParsedReport
from gongkai.reports.audit.reader import MAX_BYTES, read_report_bytes
from gongkai.reports.audit.services import ReportFile, published_reports_import
from gongkai.reports.auditing import audit_report
from gongkai.reports.models import AuditFinding, PublishedReport
from gongkai.reports.selectors import stored_reports_as_parsed

# Auditing is staff work: the body's staff or head, a supervising office above it, an administrator; with
# no body named, whoever holds a role in some body.
_audit_reports = role_check(can_read, "您无权审核{agency}的年度报告。")
_audit_any = role_check(has_some_role, "您在任何机关都没有角色，不能审核年度报告。")
_review_findings = role_check(can_read, "您无权核实{agency}年度报告的审核发现。")

if TYPE_CHECKING:
    from django.contrib.auth.models import User

Status = AuditFinding.Status


@dataclass
class AuditedFile:
    """One uploaded file: its report with the findings, or why it could not be read."""

    name: str
    data: bytes
    report: ParsedReport | None = None
    error: str = ""
    previous_year: int | None = None  # the year of the report the rules across years compared it with
    previous_from: str = ""  # "upload" or "stored"
    stored: PublishedReport | None = None

    def name_warning(self, agency: Agency | None) -> str:
        """A hint when the body the report prints differs from the body it is stored for."""
        printed = self.report.agency_name if self.report else None
        if agency is None or not printed or printed in agency.name or agency.name in printed:
            return ""
        return f"{self.name}：报告所载机关名称“{printed}”与所选机关“{agency.name}”不同，请核对"


def published_reports_audit(
    *, actor: User, files: list[tuple[str, bytes]], agency: Agency | None = None
) -> list[AuditedFile]:
    """Read and audit every file, whatever the others give; nothing is stored.

    With a body, each report of year Y is compared with the body's report of Y-1: the one in this upload
    if there is one, else the one stored. The rules across years need it: 本年“上年结转” is last year's
    “结转下年度继续办理”, and section 五 must not repeat last year's (格式2019/2021：“不得出现敷衍了事甚至
    年年雷同现象”).
    """
    require_role(
        actor, agency, _audit_reports if agency is not None else _audit_any, action="published_report_audit"
    )
    audited = [_read(name, data) for name, data in files]
    uploaded: dict[int, ParsedReport] = {}
    for item in audited:
        if item.report is not None and item.report.year is not None:
            uploaded.setdefault(item.report.year, item.report)
    wanted = {year - 1 for year in uploaded} - set(uploaded)
    stored = stored_reports_as_parsed(agency, wanted) if agency is not None and wanted else {}
    for item in audited:
        if item.report is None:
            continue
        year = item.report.year
        previous = None
        if year is not None and agency is not None:
            if year - 1 in uploaded:
                previous, item.previous_from = uploaded[year - 1], "upload"
            elif year - 1 in stored:
                previous, item.previous_from = stored[year - 1], "stored"
        item.previous_year = previous.year if previous else None
        audit_report(item.report, previous)
    return audited


ZIP_MAGIC = b"PK\x03\x04"


def _read(name: str, data: bytes) -> AuditedFile:
    item = AuditedFile(name=name, data=data)
    if len(data) > MAX_BYTES:
        item.error = f"文件过大（超过 {MAX_BYTES // 1024 // 1024} MB），不像一份年度报告"
        return item
    try:
        if data.startswith(ZIP_MAGIC):
            # A DOCX is a ZIP: one that announces a decompression bomb is refused before it is opened.
            check_archive(data)
        item.report = read_report_bytes(data, name)
    except (ReportUnreadable, ArchiveRefused) as error:
        item.error = str(error)
    return item


def published_reports_upload(
    *, actor: User, agency: Agency, files: list[tuple[str, bytes]], replace: bool = False
) -> list[AuditedFile]:
    """Audit the files and store them all as the body's published reports for their years, or none.

    A year that already has a stored report keeps it unless `replace` (then the stored report and the
    review of its findings are deleted, as `published_reports_import` says).
    """
    audited = published_reports_audit(actor=actor, files=files, agency=agency)
    unreadable = [f"{item.name}：{item.error}" for item in audited if item.report is None]
    if unreadable:
        raise ValidationError(["未导入任何报告：有文件无法审核。", *unreadable])
    stored = published_reports_import(
        agency=agency,
        files=[ReportFile(item.report, item.data, item.name) for item in audited if item.report is not None],
        replace=replace,
        actor=actor,
    )
    by_year = {report.year: report for report in stored}
    for item in audited:
        if item.report is not None and item.report.year is not None:
            item.stored = by_year.get(item.report.year)
    return audited


def audit_finding_review(*, actor: User, finding: AuditFinding, status: str, note: str = "") -> AuditFinding:
    """Confirm or dismiss a finding, with the reviewer's note; a dismissal must say why (格式2021：主管部门
    “应当加强对年度报告的审核把关”; the note is what the review rests on).

    The body's staff or head, a supervising office above it, or an administrator may review. The review
    may be changed later; every review is logged with what it replaced.
    """
    agency = finding.report.agency
    require_role(actor, agency, _review_findings, action="audit_finding_review", obj=finding)
    if status not in (Status.CONFIRMED, Status.DISMISSED):
        raise ValidationError({"status": "请选择“确认”或“排除”。"})
    note = note.strip()
    if status == Status.DISMISSED and not note:
        raise ValidationError({"note": "排除一项审核发现时，请在核实意见中写明理由。"})
    with transaction.atomic():
        locked = AuditFinding.objects.select_for_update().get(pk=finding.pk)
        before = {
            "status": locked.status,
            "note": locked.note,
            "reviewed_by": locked.reviewed_by_id,
            "reviewed_at": locked.reviewed_at.isoformat() if locked.reviewed_at else None,
        }
        locked.status = status
        locked.note = note
        locked.reviewed_by = actor
        locked.reviewed_at = timezone.now()
        locked.save(update_fields=["status", "note", "reviewed_by", "reviewed_at"])
        audit_record(
            action="audit_finding_review",
            actor=actor,
            agency=agency,
            obj=locked,
            message=f"{locked.get_status_display()}{agency.name}{finding.report.year}年度报告的审核发现"
            f"（{locked.rule}）：{note or '无意见'}",
            detail={
                "report": finding.report_id,
                "before": before,
                "after": {"status": status, "note": note, "reviewed_by": actor.pk},
            },
        )
    return locked
