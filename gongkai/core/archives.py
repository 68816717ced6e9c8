"""Opening ZIP-based office files (DOCX, XLSX) only when they are what they claim to be in size.

A DOCX or XLSX is a ZIP archive: a file of a few hundred kilobytes can expand to gigabytes (a
decompression bomb) and keep a worker busy and its memory full. `check_archive` reads only the
archive's directory and refuses it before anything is decompressed when the members, their total
uncompressed size or their compression ratio are beyond what a real report or register has. The
directory can lie about sizes, so `read_member` also stops reading a member past its cap.
"""

from __future__ import annotations

import io
import zipfile
from typing import IO

# A real annual report DOCX expands to a few megabytes (images included); a register of 150,000
# rows to about 100 MB of XML. The caps leave room for both and refuse what only a bomb needs.
MAX_MEMBERS = 2_000
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200  # deflate reaches about 10–20× on XML; bombs reach 1,000× and more
RATIO_FLOOR = 1024 * 1024  # small members may compress very well (a sheet of zeros); judged above this


class ArchiveRefused(ValueError):
    """The archive is not opened; the message says why, in Chinese."""


def check_archive(
    source: bytes | IO[bytes],
    *,
    max_total: int = MAX_TOTAL_UNCOMPRESSED,
    max_members: int = MAX_MEMBERS,
) -> None:
    """Refuse (`ArchiveRefused`) a ZIP whose directory announces a decompression bomb, or that is no ZIP."""
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        with zipfile.ZipFile(stream) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise ArchiveRefused("文件已损坏，或不是有效的 DOCX/XLSX 文件（ZIP 结构无法读取）") from None
    finally:
        if not isinstance(source, bytes):
            stream.seek(0)
    if len(members) > max_members:
        raise ArchiveRefused(f"文件内部包含 {len(members)} 个部件，超过上限 {max_members}，拒绝读取")
    total = sum(member.file_size for member in members)
    if total > max_total:
        raise ArchiveRefused(
            f"文件解压后约 {total // 1024 // 1024} MB，超过上限 {max_total // 1024 // 1024} MB，"
            "疑似压缩炸弹，拒绝读取"
        )
    for member in members:
        if member.file_size > RATIO_FLOOR and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise ArchiveRefused(
                f"文件中的部件 {member.filename} 压缩比异常（{member.file_size // max(member.compress_size, 1)} 倍），"
                "疑似压缩炸弹，拒绝读取"
            )


def read_member(archive: zipfile.ZipFile, name: str, *, limit: int = MAX_TOTAL_UNCOMPRESSED) -> bytes:
    """One member's bytes, stopping at `limit` whatever the directory says its size is."""
    with archive.open(name) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise ArchiveRefused(f"文件中的部件 {name} 解压后超过 {limit // 1024 // 1024} MB，拒绝读取")
    return data
