"""The register (台账) of disclosure applications exported to XLSX: the columns an import reads (`register`),
so an exported register imports again, followed by columns for reading only (状态, 答复期限, 期限暂定)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING

from gongkai.agencies.permissions import require_read, require_role
from gongkai.applications.models import ApplicantType, Application, Channel, Result, Status
from gongkai.applications.register import CHUNK, EXPORT_EXTRA_COLUMNS, EXPORT_WIDTHS, HEADER
from gongkai.core.audit import audit_record

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    from gongkai.agencies.models import Agency

    AnyUser = User | AnonymousUser


def export_register(
    *, agency: Agency, target: str | Path | IO[bytes], actor: AnyUser | None, year: int | None = None
) -> int:
    """Write the body's register as XLSX (received applications; with `year`, those received that year).
    Returns the number of rows written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font, PatternFill

    if actor is not None:  # the command line is trusted and passes no actor
        require_role(actor, agency, require_read, action="register_export")
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("台账")
    # A header that reads as one (bold, always in view) and columns wide enough for what they hold.
    for letter, width in zip("ABCDEFGHIJ", EXPORT_WIDTHS, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    header = []
    for name in (*HEADER, *EXPORT_EXTRA_COLUMNS):
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F0F3F6")
        header.append(cell)
    sheet.append(header)

    def text_cell(value: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
        cell.data_type = "s"  # never a formula, whatever the applicant wrote ("=…")
        return cell

    def date_cell(value: date | None) -> WriteOnlyCell | None:
        if value is None:
            return None
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell

    applications = Application.objects.filter(agency=agency, received_on__isnull=False)
    if year is not None:
        applications = applications.filter(
            received_on__gte=date(year, 1, 1), received_on__lte=date(year, 12, 31)
        )
    type_labels = dict(ApplicantType.choices)
    channel_labels = dict(Channel.choices)
    result_labels = dict(Result.choices)
    status_labels = dict(Status.choices)
    written = 0
    for (
        number,
        applicant_type,
        received_on,
        channel,
        description,
        closed_on,
        result,
        status,
        due,
        provisional,
    ) in (
        applications.order_by("received_on", "number")
        .values_list(
            "number",
            "applicant_type",
            "received_on",
            "channel",
            "description",
            "closed_on",
            "result",
            "status",
            "due_date",
            "due_date_provisional",
        )
        .iterator(chunk_size=CHUNK)
    ):
        sheet.append(
            [
                text_cell(number),
                type_labels.get(applicant_type, applicant_type),
                date_cell(received_on),
                channel_labels.get(channel, channel),
                text_cell(description),
                date_cell(closed_on if status == Status.CLOSED else None),
                result_labels.get(result, result) if status == Status.CLOSED else None,
                status_labels.get(status, status),
                date_cell(due),
                "是" if provisional and status != Status.CLOSED else None,
            ]
        )
        written += 1
    if isinstance(target, str | Path):
        workbook.save(str(target))
    else:
        workbook.save(target)
    audit_record(
        action="register_export",
        actor=actor,
        agency=agency,
        message=f"导出台账 {written} 件" + (f"（{year}年度收到）" if year else ""),
        detail={"rows": written, "year": year},
    )
    return written
