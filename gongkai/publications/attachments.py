"""Attachments of an item: checked by content (never by name), capped in size, stored, their text read.

Accepted: PDF, DOCX, PNG, JPEG. A file is what its first bytes say; a name ending in .pdf on anything
else is refused. A DOCX is a ZIP archive and is opened only after `core.archives.check_archive` (no
decompression bombs). The text of PDF and DOCX files is extracted for search and for the guard; images
have no text layer (no OCR here), and neither do scanned PDFs: that is noted, not an error.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from gongkai.core.archives import ArchiveRefused, check_archive
from gongkai.publications.models import AttachmentType

MAX_BYTES = 20 * 1024 * 1024
MAX_PDF_PAGES = 500
MAX_TEXT = 2_000_000  # characters kept for search: more than any real document
EXTENSIONS = {
    AttachmentType.PDF: ".pdf",
    AttachmentType.DOCX: ".docx",
    AttachmentType.PNG: ".png",
    AttachmentType.JPEG: ".jpg",
}
CONTENT_TYPES = {
    AttachmentType.PDF: "application/pdf",
    AttachmentType.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    AttachmentType.PNG: "image/png",
    AttachmentType.JPEG: "image/jpeg",
}
_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>:\"/\\|?*]")


@dataclass(frozen=True)
class CheckedFile:
    name: str
    type: AttachmentType
    data: bytes
    text: str
    note: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def detect_type(data: bytes) -> AttachmentType | None:
    """The type the bytes are, whatever the name says."""
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return AttachmentType.PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return AttachmentType.PNG
    if data.startswith(b"\xff\xd8\xff"):
        return AttachmentType.JPEG
    if data.startswith(b"PK\x03\x04"):
        return AttachmentType.DOCX  # confirmed (or refused) when opened
    return None


def clean_name(name: str, kind: AttachmentType) -> str:
    """The file's own name without any folder, control or reserved characters, with the extension of
    what it really is."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    base = _UNSAFE.sub("", unicodedata.normalize("NFC", base)).strip(" .")
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return (stem[:150] or "附件") + EXTENSIONS[kind]


def check_file(name: str, data: bytes) -> CheckedFile:
    """The upload as an attachment, or a ValidationError saying in Chinese why not."""
    if not data:
        raise ValidationError(f"附件“{name}”是空文件。")
    if len(data) > MAX_BYTES:
        raise ValidationError(
            f"附件“{name}”大小 {len(data) / 1024 / 1024:.1f} MB，超过上限 {MAX_BYTES // 1024 // 1024} MB。"
        )
    kind = detect_type(data)
    if kind is None:
        claimed = name.rsplit(".", 1)[-1].upper() if "." in name else "未知"
        raise ValidationError(
            f"附件“{name}”不是可接受的文件（名称为 {claimed}，内容不是 PDF、DOCX、PNG 或 JPEG）。"
        )
    text, note = extract_text(kind, data, name)
    return CheckedFile(name=clean_name(name, kind), type=kind, data=data, text=text, note=note)


def extract_text(kind: AttachmentType, data: bytes, name: str = "") -> tuple[str, str]:
    """(text, note): the text of a PDF or DOCX for search and the guard; images have none."""
    if kind == AttachmentType.DOCX:
        return _docx_text(data, name), ""
    if kind == AttachmentType.PDF:
        return _pdf_text(data, name)
    return "", "图片，未提取文字"


def _docx_text(data: bytes, name: str) -> str:
    from gongkai.reports.audit.inputs import ReportUnreadable, docx_lines

    try:
        check_archive(data)
        lines = docx_lines(data)
    except (ArchiveRefused, ReportUnreadable) as error:
        raise ValidationError(f"附件“{name}”无法作为 DOCX 读取：{error}") from None
    return "\n".join(line.strip() for line in lines if line.strip())[:MAX_TEXT]


def _pdf_text(data: bytes, name: str) -> tuple[str, str]:
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            total = len(pdf.pages)
            for page in pdf.pages[:MAX_PDF_PAGES]:
                pages.append(page.extract_text() or "")
                page.close()
    except Exception as error:  # pdfminer raises many kinds of errors on broken or encrypted files
        raise ValidationError(
            f"附件“{name}”不是可读的 PDF 文件（已损坏或已加密：{type(error).__name__}）。"
        ) from None
    text = "\n".join(p for p in pages if p)[:MAX_TEXT]
    if not text.strip():
        return "", "PDF 无文字层（可能是扫描件），未提取文字"
    if total > MAX_PDF_PAGES:
        return text, f"共 {total} 页，只提取了前 {MAX_PDF_PAGES} 页的文字"
    return text, ""


def store(checked: CheckedFile) -> str:
    """Save the bytes under the media folder; returns the stored name. The stored name is the file's
    digest, never the uploaded name."""
    stored = f"publications/{checked.sha256[:2]}/{checked.sha256}{EXTENSIONS[checked.type]}"
    if not default_storage.exists(stored):
        stored = default_storage.save(stored, ContentFile(checked.data))
    return stored
