"""Uploaded files, capped while they arrive.

A view that takes files says how large they may be (`limit_uploads`) before it reads the request, and
after it has checked the user's role. Each file is then measured as its bytes arrive: a file past its
cap is dropped at once (the rest of it is read and thrown away, never kept) and named in
`refused_uploads`, for the page to say which file was refused and why; the others go on. The cap depends
on the kind of file, told by its first bytes: a DOCX, XLSX or PDF may be larger than a text or HTML file,
which the reader must read line by line. A request larger than the total cap is refused before any of
it is read (`request_too_large`). Files above FILE_UPLOAD_MAX_MEMORY_SIZE go to a temporary file on
disk, never into memory whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.files.uploadhandler import FileUploadHandler, SkipFile, StopUpload
from django.http import HttpRequest

MB = 1024 * 1024
# First bytes of the kinds that may be larger: ZIP (DOCX, XLSX), PDF, old binary Office (refused later).
BINARY_MAGIC = (b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0")


@dataclass(frozen=True)
class UploadLimits:
    binary: int = 20 * MB  # DOCX, XLSX, PDF
    text: int = 5 * MB  # plain text, HTML, CSV
    total: int = 200 * MB  # the whole request

    def describe(self) -> str:
        if self.binary == self.text:
            return f"每个文件不超过 {self.binary // MB} MB"
        return f"Word、Excel、PDF 文件每个不超过 {self.binary // MB} MB，纯文本、网页文件每个不超过 {self.text // MB} MB"


@dataclass
class RefusedUpload:
    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}：{self.reason}"


class RefusedUploadForm(forms.Form):
    """A form of one `file` whose upload may have been dropped while it arrived (past its cap,
    `limit_uploads`; pass `refused_uploads(request)`): the field's error then names the file and why,
    not "no file chosen"."""

    def __init__(self, *args: Any, refused: list[RefusedUpload] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.refused = refused or []

    def refused_message(self, refused: RefusedUpload) -> str:
        return f"{refused}。"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.refused:
            self.errors.pop("file", None)
            self.add_error("file", [self.refused_message(refused) for refused in self.refused])
        return cleaned


@dataclass
class _UploadState:
    limits: UploadLimits
    refused: list[RefusedUpload] = field(default_factory=list)
    total: int = 0
    stopped: bool = False


DEFAULT_LIMITS = UploadLimits(binary=10 * MB, text=10 * MB, total=50 * MB)


def _state(request: HttpRequest) -> _UploadState:
    state = getattr(request, "_gongkai_uploads", None)
    if state is None:
        state = _UploadState(DEFAULT_LIMITS)
        request._gongkai_uploads = state  # type: ignore[attr-defined]
    return state


def limit_uploads(request: HttpRequest, limits: UploadLimits) -> None:
    """Set this request's caps; call before anything reads request.POST or request.FILES."""
    request._gongkai_uploads = _UploadState(limits)  # type: ignore[attr-defined]


def request_too_large(request: HttpRequest) -> str:
    """A Chinese error when the request announces more bytes than the total cap, else ""."""
    limits = _state(request).limits
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limits.total:
        return f"一次上传的文件合计约 {length // MB} MB，超过上限 {limits.total // MB} MB，请分批上传。"
    return ""


def refused_uploads(request: HttpRequest) -> list[RefusedUpload]:
    """The files dropped while the request was read (read request.FILES first)."""
    state = _state(request)
    refused = list(state.refused)
    if state.stopped:
        refused.append(
            RefusedUpload(
                "其余文件", f"一次上传的文件合计超过 {state.limits.total // MB} MB，未读取，请分批上传"
            )
        )
    return refused


class CappedUploadHandler(FileUploadHandler):
    """First of FILE_UPLOAD_HANDLERS: passes each chunk on to the handlers that store it, and drops a file
    (SkipFile) as soon as it passes its cap."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.cap = 0
        self.size = 0
        self.kind = "文件"

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.cap = 0
        self.size = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if self.request is None:
            return raw_data
        state = _state(self.request)
        limits = state.limits
        if not self.cap:
            binary = raw_data.startswith(BINARY_MAGIC)
            self.cap = limits.binary if binary else limits.text
            if limits.binary != limits.text:
                self.kind = "Word、Excel、PDF 文件" if binary else "纯文本、网页文件"
        self.size += len(raw_data)
        state.total += len(raw_data)
        if state.total > limits.total:
            state.stopped = True
            raise StopUpload(connection_reset=False)
        if self.size > self.cap:
            name = self.file_name or "未命名文件"
            state.refused.append(RefusedUpload(name, f"超过{self.kind}的上限 {self.cap // MB} MB，未读取"))
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None
