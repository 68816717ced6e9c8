"""Watching whether an upload's bytes were read: every Django upload handler that stores a file counts
the chunks it is given."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.files.uploadhandler import MemoryFileUploadHandler, TemporaryFileUploadHandler


@pytest.fixture
def chunks_read(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The sizes of the chunks the storing handlers received during the test."""
    seen: list[int] = []
    for handler in (MemoryFileUploadHandler, TemporaryFileUploadHandler):
        original = handler.receive_data_chunk

        def spy(self: Any, raw_data: bytes, start: int, original: Any = original) -> Any:
            # The memory handler passes the chunk on unless the request is small enough to keep.
            if getattr(self, "activated", True):
                seen.append(len(raw_data))
            return original(self, raw_data, start)

        monkeypatch.setattr(handler, "receive_data_chunk", spy)
    yield seen


def zip_bomb(member: str = "word/document.xml", size: int = 100 * 1024 * 1024) -> bytes:
    """A small ZIP (a DOCX or XLSX by its name) with one member that expands to `size` bytes."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(member, "w", force_zip64=True) as target:
            block = b"0" * (1024 * 1024)
            for _ in range(size // len(block)):
                target.write(block)
    return buffer.getvalue()
