"""The register (台账) of disclosure applications: import from CSV or XLSX (export: `register_export`).

A register has one row per application under the header
`受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果`. An import is all or nothing: every
row is checked first, and a file with any bad row imports nothing and reports every bad row with its
line number (the header is line 1; in XLSX the sheet's row number). Export writes the same columns,
so an exported register imports again, followed by columns for reading only (状态, 答复期限, 期限暂定).

Imported applications keep their numbers verbatim, outside the body's yearly sequence; closed rows
become closed applications with their result, open rows run against the reply deadline from their date
of receipt. Each gets an `imported` event.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai.agencies.permissions import require_act, require_role
from gongkai.applications.deadlines import compute_deadline as compute_deadline  # watched here by a test
from gongkai.applications.models import (
    ApplicantType,
    Application,
    ApplicationEvent,
    Channel,
    EventKind,
    Result,
    Source,
    Status,
)
from gongkai.core.archives import ArchiveRefused, check_archive
from gongkai.core.audit import audit_record
from gongkai.reports.formats import spec
from gongkai.search.application_index import insert_documents, prepare_document

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    from gongkai.agencies.models import Agency

    AnyUser = User | AnonymousUser

HEADER = ("受理编号", "申请人类型", "收到日期", "申请方式", "申请内容", "答复日期", "办理结果")
EXPORT_EXTRA_COLUMNS = ("状态", "答复期限", "期限暂定")
# Column widths of the export, in characters: the number, the type, dates, the channel, the request text, the
# result (table 三's longest labels), the status, the due date, the provisional mark.
EXPORT_WIDTHS = (14, 14, 12, 10, 60, 12, 40, 12, 12, 10)

# 《政府信息公开条例》（2007年）第三十八条: in force from 2008-05-01; no application predates it.
FIRST_RECEIPT_DATE = date(2008, 5, 1)
NUMBER_MAX_LENGTH = Application._meta.get_field("number").max_length or 64
CHUNK = 2000  # rows per bulk insert: a few round trips, bounded memory
XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary Excel format (OLE2)
# Files people pick by mistake, told by their first bytes: what they are, in the refusal.
NOT_A_REGISTER = {
    b"%PDF": "PDF 文件",
    b"\x89PNG": "PNG 图片",
    b"\xff\xd8\xff": "JPEG 图片",
    b"GIF8": "GIF 图片",
    b"Rar!": "RAR 压缩文件",
    b"7z\xbc\xaf": "7z 压缩文件",
    b"{\\rtf": "RTF 文档",
}
WHAT_A_REGISTER_IS = "台账应为 CSV（UTF-8 编码）或 Excel（XLSX）文件，第一行为表头："
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# ---------------------------------------------------------------------------------------------------
# Labels: the register's words for applicant types, channels and results, matched loosely.

_QUOTES = re.compile(r"[\"'“”‘’「」『』〝〞]")
_NUMBERING = re.compile(r"^(?:三)?(?:\([一二三四五六七]\))?(?:\d+[.、]?)?")
_TRAILING_NOTE = re.compile(r"\([^()]*\)$")


def label_key(text: str) -> str:
    """A label reduced to what identifies it: full-width forms folded (NFKC), no spaces, no quote marks
    of either kind, no leading report numbering ("三（二）", "1."), no trailing parenthetical note."""
    folded = unicodedata.normalize("NFKC", text)
    folded = re.sub(r"\s+", "", folded)
    folded = _QUOTES.sub("", folded)
    folded = _NUMBERING.sub("", folded)
    return _TRAILING_NOTE.sub("", folded)


def _result_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    rows = spec()["formats"]["2021"]["tables"]["requests"]["rows"]
    for result in Result:
        labels[label_key(result.label)] = result.value
        labels[label_key(rows[result.value])] = result.value
    return labels


RESULT_BY_LABEL = _result_labels()
APPLICANT_TYPE_BY_LABEL = {label_key(t.label): t.value for t in ApplicantType}
_ORGANISATION_PREFIX = "法人或其他组织"
CHANNEL_BY_LABEL = {label_key(c.label): c.value for c in Channel} | {
    "网上": Channel.ONLINE,
    "互联网": Channel.ONLINE,
    "在线": Channel.ONLINE,
}


@lru_cache(maxsize=256)  # a register repeats a handful of labels
def applicant_type_for(text: str) -> str | None:
    """自然人, or one of the five kinds of 法人或其他组织, also written "法人或其他组织/商业企业" or
    "法人或其他组织（商业企业）"."""
    folded = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if folded.startswith(_ORGANISATION_PREFIX) and folded != _ORGANISATION_PREFIX:
        folded = folded[len(_ORGANISATION_PREFIX) :].lstrip("/-—_·:(").removesuffix(")")
    return APPLICANT_TYPE_BY_LABEL.get(label_key(folded))


@lru_cache(maxsize=256)  # a register repeats a handful of labels
def channel_for(text: str) -> str | None:
    key = label_key(text)
    return CHANNEL_BY_LABEL.get(key) or CHANNEL_BY_LABEL.get(key.removesuffix("申请"))


@lru_cache(maxsize=256)  # a register repeats a handful of labels
def result_for(text: str) -> str | None:
    return RESULT_BY_LABEL.get(label_key(text))


# ---------------------------------------------------------------------------------------------------
# Reading a file into numbered rows of cells.


@dataclass(frozen=True)
class RowError:
    line: int
    reasons: tuple[str, ...]

    def __str__(self) -> str:
        return f"第 {self.line} 行：{'；'.join(self.reasons)}"


class RegisterRejected(ValidationError):
    """The file was rejected and nothing was imported. `row_errors` lists every bad row."""

    def __init__(self, summary: str, row_errors: Sequence[RowError] = ()) -> None:
        self.summary = summary
        self.row_errors = list(row_errors)
        super().__init__([summary, *(str(error) for error in self.row_errors)])


def _read_bytes(source: str | Path | IO[bytes]) -> tuple[bytes, str]:
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            return path.read_bytes(), path.name
        except FileNotFoundError:
            raise RegisterRejected(f"文件不存在：{source}") from None
        except OSError as error:
            raise RegisterRejected(f"无法读取文件 {source}：{error.strerror or error}") from None
    data = source.read()
    return data, Path(str(getattr(source, "name", "") or "")).name


def _not_a_register(what: str) -> RegisterRejected:
    return RegisterRejected(f"这不是台账文件：上传的是{what}。{WHAT_A_REGISTER_IS}{','.join(HEADER)}")


def _csv_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    try:
        # utf-8-sig: Excel's "CSV UTF-8" starts with a byte-order mark; plain UTF-8 has none.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if b"\x00" in data[:4096]:
            raise _not_a_register("无法作为文本读取的二进制文件") from None
        raise RegisterRejected(
            "CSV 文件不是 UTF-8 编码。请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”，或直接导入 XLSX 文件。"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    try:
        for cells in reader:
            yield line, cells
            line = reader.line_num + 1  # a quoted cell may span several lines
    except csv.Error as error:
        raise RegisterRejected(f"第 {line} 行：CSV 格式错误（{error}）") from None


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    # What a damaged or foreign ZIP raises; xml's ParseError is a SyntaxError.
    unreadable = (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError, SyntaxError)
    try:
        # An XLSX is a ZIP: one whose directory announces a decompression bomb is not opened at all.
        check_archive(data)
    except ArchiveRefused as error:
        raise RegisterRejected(f"无法读取 XLSX 文件：{error}") from None
    names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    if "xl/workbook.xml" not in names:
        raise _not_a_register("Word 文档（DOCX）" if "word/document.xml" in names else "ZIP 压缩文件")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except unreadable as error:
        raise RegisterRejected(f"无法读取 XLSX 文件（{error}）") from None
    try:
        if not workbook.worksheets:
            raise RegisterRejected("XLSX 文件中没有工作表。")
        sheet = workbook.worksheets[0]
        # Some programs write a wrong sheet size; read every row that is there.
        sheet.reset_dimensions()
        for number, cells in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
            yield number, list(cells)
    except unreadable as error:
        raise RegisterRejected(f"无法读取 XLSX 文件的第一张工作表（{error}）") from None
    finally:
        workbook.close()


def read_rows(source: str | Path | IO[bytes]) -> tuple[str, Iterator[tuple[int, list[Any]]]]:
    """The file's name and its rows as (line number, cells), header first. XLSX is recognised by its
    content (a ZIP archive), anything else is read as CSV."""
    data, name = _read_bytes(source)
    if not data.strip():
        raise RegisterRejected(f"文件是空的。{WHAT_A_REGISTER_IS}{','.join(HEADER)}")
    for magic, what in NOT_A_REGISTER.items():
        if data.startswith(magic):
            raise _not_a_register(what)
    if data.startswith(XLS_MAGIC):
        raise RegisterRejected(
            "不能导入旧版 Excel（.xls）文件，请在 Excel 中另存为 XLSX 或“CSV UTF-8（逗号分隔）”。"
        )
    if data.startswith(XLSX_MAGIC):
        return name, _xlsx_rows(data)
    return name, _csv_rows(data)


# ---------------------------------------------------------------------------------------------------
# Checking rows.


@dataclass(frozen=True, slots=True)
class RegisterRow:
    line: int
    number: str
    applicant_type: str
    received_on: date
    channel: str
    description: str
    closed_on: date | None
    result: str


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a number typed into Excel: 2025001.0 is "2025001"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _date(value: Any, label: str, reasons: list[str]) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        return None
    if DATE_PATTERN.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            reasons.append(f"{label}不是有效日期：{text}")
            return None
    reasons.append(f"{label}应为 YYYY-MM-DD 格式：{text}")
    return None


def _column_index(header: list[Any]) -> dict[str, int]:
    names = [re.sub(r"\s+", "", _text(cell)).lstrip("\ufeff") for cell in header]
    index: dict[str, int] = {}
    for position, name in enumerate(names):
        if name in HEADER:
            if name in index:
                raise RegisterRejected(f"第 1 行：表头中“{name}”出现了两次。")
            index[name] = position
    missing = [name for name in HEADER if name not in index]
    if len(missing) == len(HEADER):
        first = "，".join(name for name in names if name)[:80]
        raise RegisterRejected(
            f"这不像台账文件：第 1 行应为表头，表头缺少列：{'、'.join(HEADER)}（这份文件的第 1 行是“{first}”）。"
            f"{WHAT_A_REGISTER_IS}{','.join(HEADER)}"
        )
    if missing:
        raise RegisterRejected(f"第 1 行：表头缺少列：{'、'.join(missing)}。表头应为：{','.join(HEADER)}")
    return index


def check_rows(  # noqa: C901 - one check per column of the register, every bad row reported
    rows: Iterable[tuple[int, list[Any]]], existing_numbers: set[str], today: date
) -> tuple[list[RegisterRow], list[RowError]]:
    """Every row checked against the register's rules: the good rows, and every bad row's reasons."""
    iterator = iter(rows)
    _, header = next(iterator, (1, []))
    if not any(_text(cell) for cell in header):
        if any(any(_text(cell) for cell in cells) for _, cells in iterator):
            raise RegisterRejected("第 1 行是空行：台账的第 1 行应为表头 " + ",".join(HEADER))
        raise RegisterRejected(f"文件是空的。{WHAT_A_REGISTER_IS}{','.join(HEADER)}")
    column = _column_index(header)
    good: list[RegisterRow] = []
    errors: list[RowError] = []
    first_line_of: dict[str, int] = {}
    type_labels = "、".join(ApplicantType.labels)
    channel_labels = "、".join(Channel.labels)

    for line, cells in iterator:
        if not any(_text(cell) for cell in cells):
            continue  # blank lines are not rows

        def cell(name: str, cells: list[Any] = cells) -> Any:
            position = column[name]
            return cells[position] if position < len(cells) else None

        reasons: list[str] = []
        if any("\x00" in _text(value) for value in cells):
            # PostgreSQL stores no NUL; no register holds one unless the file is damaged.
            errors.append(RowError(line=line, reasons=("含有空字符（NUL），文件可能已损坏",)))
            continue
        number = _text(cell("受理编号"))
        if not number:
            reasons.append("受理编号为空")
        elif len(number) > NUMBER_MAX_LENGTH:
            reasons.append(f"受理编号超过 {NUMBER_MAX_LENGTH} 个字符")
        elif number in existing_numbers:
            reasons.append(f"受理编号 {number} 在本机关已存在")
        elif number in first_line_of:
            reasons.append(f"受理编号 {number} 与第 {first_line_of[number]} 行重复")
        else:
            first_line_of[number] = line

        type_text = _text(cell("申请人类型"))
        applicant_type = applicant_type_for(type_text)
        if applicant_type is None:
            reasons.append(f"申请人类型“{type_text}”无法识别，应为{type_labels}之一")

        received_on = _date(cell("收到日期"), "收到日期", reasons)
        if received_on is None and not _text(cell("收到日期")):
            reasons.append("收到日期为空")
        elif received_on is not None:
            if received_on > today:
                reasons.append(f"收到日期 {received_on.isoformat()} 晚于今天")
            elif received_on < FIRST_RECEIPT_DATE:
                reasons.append(
                    f"收到日期 {received_on.isoformat()} 早于《政府信息公开条例》施行日（2008-05-01）"
                )

        channel_text = _text(cell("申请方式"))
        channel = channel_for(channel_text)
        if channel is None:
            reasons.append(f"申请方式“{channel_text}”无法识别，应为{channel_labels}之一")

        # 条例第二十九条（二）: an application describes the information it asks for.
        description = _text(cell("申请内容"))
        if not description:
            reasons.append("申请内容为空")

        closed_on = _date(cell("答复日期"), "答复日期", reasons)
        result_text = _text(cell("办理结果"))
        result = result_for(result_text) if result_text else ""
        if result is None:
            hint = (
                "（2021年起“其他处理”分为三项，请填写具体情形）"
                if label_key(result_text) == "其他处理"
                else ""
            )
            reasons.append(f"办理结果“{result_text}”不是年度报告表三的办理结果{hint}")
        has_reply_date = closed_on is not None or bool(_text(cell("答复日期")))
        if has_reply_date != bool(result_text):
            reasons.append("答复日期与办理结果应同时填写（已办结）或同时为空（办理中）")
        if closed_on is not None:
            if closed_on > today:
                reasons.append(f"答复日期 {closed_on.isoformat()} 晚于今天")
            if received_on is not None and closed_on < received_on:
                reasons.append(f"答复日期 {closed_on.isoformat()} 早于收到日期 {received_on.isoformat()}")

        if reasons:
            errors.append(RowError(line=line, reasons=tuple(reasons)))
            continue
        assert applicant_type is not None and channel is not None and received_on is not None
        good.append(
            RegisterRow(
                line=line,
                number=number,
                applicant_type=applicant_type,
                received_on=received_on,
                channel=channel,
                description=description,
                closed_on=closed_on,
                result=result or "",
            )
        )
    return good, errors


# ---------------------------------------------------------------------------------------------------
# Import.


@dataclass(frozen=True)
class ImportResult:
    imported: int
    closed: int
    open: int
    file_name: str


def _require(check: Any, actor: AnyUser | None, agency: Agency, action: str) -> None:
    """Role check for a user (the command line is trusted and passes no actor); refusals are logged."""
    if actor is not None:
        require_role(actor, agency, check, action=action)


def import_register(*, agency: Agency, file: str | Path | IO[bytes], actor: AnyUser | None) -> ImportResult:
    """Import a register file (CSV or XLSX) into `agency`: every row or none.

    Raises `RegisterRejected` (a ValidationError, in Chinese) listing every bad row."""
    _require(require_act, actor, agency, "register_import")
    file_name, rows = read_rows(file)
    existing = set(Application.objects.filter(agency=agency).values_list("number", flat=True))
    good, errors = check_rows(rows, existing, timezone.localdate())
    if errors:
        raise RegisterRejected(f"台账中有 {len(errors)} 行有误，未导入任何申请。", errors)
    user = actor if actor is not None and actor.is_authenticated else None
    # Everything is checked and made ready before the transaction: the write lock (SQLite has one for the
    # whole database) is held only for the inserts, so submissions arriving meanwhile wait seconds, not
    # the length of the import.
    applications = _prepare(agency, good)
    # The queue's search index rows too (bulk_create sends no post_save): tokenising is the slow part.
    documents = [prepare_document(agency.pk, a.number, a.applicant_name, a.description) for a in applications]
    closed = sum(1 for row in good if row.closed_on is not None)
    try:
        with transaction.atomic():
            for start in range(0, len(good), CHUNK):
                _insert(
                    applications[start : start + CHUNK],
                    good[start : start + CHUNK],
                    documents[start : start + CHUNK],
                    user,
                    file_name,
                )
            audit_record(
                action="register_import",
                actor=actor,
                agency=agency,
                message=f"从台账 {file_name} 导入 {len(good)} 件申请",
                detail={"file": file_name, "rows": len(good), "closed": closed},
            )
    except IntegrityError:
        # Another import or registration took one of these numbers meanwhile; the transaction is undone.
        raise RegisterRejected("保存时受理编号与本机关已有申请冲突，未导入任何申请，请重新导入。") from None
    return ImportResult(imported=len(good), closed=closed, open=len(good) - closed, file_name=file_name)


def _prepare(agency: Agency, rows: Sequence[RegisterRow]) -> list[Application]:
    """The applications of the rows, with their due dates, not yet saved."""
    due_dates: dict[tuple[date, bool], tuple[date | None, bool]] = {}  # by receipt date, open
    applications: list[Application] = []
    for row in rows:
        application = Application(
            agency=agency,
            number=row.number,
            source=Source.IMPORT,
            applicant_type=row.applicant_type,
            description=row.description,
            channel=row.channel,
            received_on=row.received_on,
        )
        if row.closed_on is not None:
            application.status = Status.CLOSED
            application.closed_on = row.closed_on
            application.result = row.result
        else:
            application.status = Status.IN_PROGRESS
        # 条例第三十三条: 20 working days from receipt (15 under the 2007 条例, before 2019-05-15).
        # An imported application has no events yet, so its deadline depends on the receipt date only.
        key = (row.received_on, row.closed_on is None)
        if key not in due_dates:
            deadline = compute_deadline(application, events=[])
            due_dates[key] = (deadline.due_date, deadline.provisional)
        application.due_date, application.due_date_provisional = due_dates[key]
        applications.append(application)
    return applications


def _insert(
    applications: list[Application],
    rows: Sequence[RegisterRow],
    documents: Sequence[tuple[int, str, str]],
    user: User | None,
    file_name: str,
) -> None:
    Application.objects.bulk_create(applications)
    insert_documents((a.pk, *document) for a, document in zip(applications, documents, strict=True))
    ApplicationEvent.objects.bulk_create(
        ApplicationEvent(
            application=application,
            kind=EventKind.IMPORTED,
            actor=user,
            effective_on=row.received_on,
            data={"file": file_name, "line": row.line},
            after={
                "status": application.status,
                "received_on": row.received_on.isoformat(),
                "closed_on": row.closed_on.isoformat() if row.closed_on else None,
                "result": row.result,
                "due_date": application.due_date.isoformat() if application.due_date else None,
            },
            note="由台账导入",
        )
        for application, row in zip(applications, rows, strict=True)
    )
