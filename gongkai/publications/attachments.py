"""Attachments of an item: checked by content (never by name), capped in size, stored, their text read.

Accepted: PDF, DOCX, PNG, JPEG. A file is what its first bytes say; a name ending in .pdf on anything
else is refused. A DOCX is a ZIP archive and is opened only after `core.archives.check_archive` (no
decompression bombs). The text of PDF and DOCX files is extracted for search and for the guard; images
have no text layer (no OCR here), and neither do scanned PDFs: that is noted, not an error.

Reading is bounded: a PDF of a few hundred kilobytes can hold a content stream that inflates to gigabytes,
or hundreds of dense pages that take the PDF reader a minute. The text is read in a forked child process
with a cap on its memory (`EXTRACT_MEMORY`) and on its time (`EXTRACT_SECONDS`); the child sends each page's
text as it reads it, so a long PDF past the time keeps the pages read by then (noted), and a file read to
no page within the time, or past the memory, is refused with a Chinese message.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import pickle
import re
import resource
import select
import signal
import struct
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from gongkai.core.archives import ArchiveRefused, check_archive
from gongkai.publications.models import AttachmentType

MAX_BYTES = 20 * 1024 * 1024
MAX_PDF_PAGES = 500
MAX_TEXT = 2_000_000  # characters kept for search: more than any real document
EXTRACT_SECONDS = (
    20.0  # a real 500-page PDF is read in well under a minute; past this its first pages are kept
)
EXTRACT_MEMORY = 512 * 1024 * 1024  # bytes of address space the reading may add to the process's own
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
    """(text, note): the text of a PDF or DOCX for search and the guard; images have none. Bounded in
    time and memory (see the module's note)."""
    if kind == AttachmentType.DOCX:
        import docx  # noqa: F401  (loaded here, not in the child: the import lock may be held by a thread)

        parts, finished = _bounded(lambda: iter([_docx_text(data, name)]), name)
        if not finished:
            raise ValidationError(
                f"附件“{name}”在 {EXTRACT_SECONDS:.0f} 秒内未能读完，无法提取文字；请检查文件，或另存为较小的文件后上传。"
            )
        return parts[0], ""
    if kind == AttachmentType.PDF:
        import pdfplumber  # noqa: F401  (as above)

        pages, finished = _bounded(lambda: _pdf_pages(data, name), name)
        return _pdf_result(pages, finished, name)
    return "", "图片，未提取文字"


def _docx_text(data: bytes, name: str) -> str:
    from gongkai.reports.audit.inputs import ReportUnreadable, docx_lines

    try:
        check_archive(data)
        lines = docx_lines(data)
    except (ArchiveRefused, ReportUnreadable) as error:
        raise ValidationError(f"附件“{name}”无法作为 DOCX 读取：{error}。") from None
    return "\n".join(line.strip() for line in lines if line.strip())[:MAX_TEXT]


def _pdf_pages(data: bytes, name: str) -> Iterator[str]:
    """The number of pages, then the text of each page (the first MAX_PDF_PAGES)."""
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            yield str(len(pdf.pages))
            for page in pdf.pages[:MAX_PDF_PAGES]:
                yield page.extract_text() or ""
                page.close()
    except MemoryError:
        raise
    except Exception as error:  # pdfminer raises many kinds of errors on broken or encrypted files
        if isinstance(error.__cause__ or error.__context__, MemoryError):
            raise MemoryError from None  # pdfplumber wraps what the memory cap makes pdfminer raise
        logging.getLogger(__name__).info("unreadable PDF %r: %s", name, type(error).__name__)
        raise ValidationError(
            f"附件“{name}”不是可读的 PDF 文件（已损坏、不完整或已加密）；请用 PDF 阅读器打开检查，另存后重新上传。"
        ) from None


def _pdf_result(parts: list[str], finished: bool, name: str) -> tuple[str, str]:
    if not parts:
        raise ValidationError(
            f"附件“{name}”在 {EXTRACT_SECONDS:.0f} 秒内未能读出任何一页，无法提取文字；"
            "请检查文件，或另存为较小的 PDF 后上传。"
        )
    total, pages = int(parts[0]), parts[1:]
    text = "\n".join(p for p in pages if p)[:MAX_TEXT]
    if not finished:
        return text, f"共 {total} 页，读取超过 {EXTRACT_SECONDS:.0f} 秒，只提取了前 {len(pages)} 页的文字"
    if not text.strip():
        return "", "PDF 无文字层（可能是扫描件），未提取文字"
    if total > MAX_PDF_PAGES:
        return text, f"共 {total} 页，只提取了前 {MAX_PDF_PAGES} 页的文字"
    return text, ""


# Frames from the child: kind byte + length + pickled payload.
_PART, _REFUSED, _DONE, _MEMORY = b"p", b"r", b"d", b"m"
_HEADER = struct.Struct(">cI")


def _bounded(work: Callable[[], Iterator[str]], name: str) -> tuple[list[str], bool]:
    """The strings `work` yields, read in a forked child with capped memory and time: (parts, finished).
    A ValidationError in the child is raised here; running out of memory is a ValidationError too."""
    if not hasattr(os, "fork"):  # pragma: no cover - Gongkai runs on Linux
        return list(work()), True
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child (coverage does not follow it)
        _child(work, read_end, write_end)
    os.close(write_end)
    parts: list[str] = []
    finished = False
    refused: list[str] | None = None
    deadline = time.monotonic() + EXTRACT_SECONDS
    try:
        for kind, payload in _frames(read_end, deadline):
            if kind == _PART:
                parts.append(payload)
            elif kind == _DONE:
                finished = True
            elif kind == _REFUSED:
                refused = payload
            elif kind == _MEMORY:
                refused = [
                    f"附件“{name}”读取时所需内存超过 {EXTRACT_MEMORY // 1024 // 1024} MB"
                    "（可能是解压后极大的压缩内容），无法提取文字，已拒绝。"
                ]
    finally:
        os.close(read_end)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    if refused is not None:
        raise ValidationError(refused)
    if not finished and not parts and time.monotonic() < deadline:
        raise ValidationError(f"附件“{name}”无法读取（读取程序异常退出），已拒绝。")
    return parts, finished


def _frames(read_end: int, deadline: float) -> Iterator[tuple[bytes, Any]]:
    """The child's frames as they arrive, until it closes the pipe or the deadline passes."""
    buffer = b""
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([read_end], [], [], left)[0]:
            return
        chunk = os.read(read_end, 1 << 16)
        if not chunk:
            return
        buffer += chunk
        while len(buffer) >= _HEADER.size:
            kind, size = _HEADER.unpack_from(buffer)
            if len(buffer) < _HEADER.size + size:
                break
            payload = pickle.loads(buffer[_HEADER.size : _HEADER.size + size])  # noqa: S301 (our own child)
            buffer = buffer[_HEADER.size + size :]
            yield kind, payload


def _child(work: Callable[[], Iterator[str]], read_end: int, write_end: int) -> None:  # pragma: no cover
    """Read under the caps, send each part as it comes, leave without running the parent's exit work."""
    code = 0
    try:
        os.close(read_end)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        used = _address_space()
        resource.setrlimit(resource.RLIMIT_AS, (used + EXTRACT_MEMORY, used + EXTRACT_MEMORY))
        seconds = int(EXTRACT_SECONDS) + 2
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))

        def send(kind: bytes, payload: object) -> None:
            body = pickle.dumps(payload)
            data = _HEADER.pack(kind, len(body)) + body
            view = memoryview(data)
            while view:
                view = view[os.write(write_end, view) :]

        try:
            for part in work():
                send(_PART, part)
            send(_DONE, None)
        except ValidationError as error:
            send(_REFUSED, error.messages)
        except MemoryError:
            send(_MEMORY, None)
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _address_space() -> int:
    """Bytes of address space the process uses now (Linux), 0 where unknown."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):  # pragma: no cover
        return 0


def store(checked: CheckedFile) -> str:
    """Save the bytes under the media folder; returns the stored name. The stored name is the file's
    digest, never the uploaded name."""
    stored = f"publications/{checked.sha256[:2]}/{checked.sha256}{EXTENSIONS[checked.type]}"
    if not default_storage.exists(stored):
        stored = default_storage.save(stored, ContentFile(checked.data))
    return stored
