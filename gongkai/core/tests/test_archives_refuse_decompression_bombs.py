"""ZIP-based files (DOCX, XLSX) are refused before decompression when their directory announces a bomb."""

from __future__ import annotations

import io
import zipfile

import pytest

from gongkai.core.archives import ArchiveRefused, check_archive, read_member


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_member_of_zeros_expanding_a_thousandfold_is_refused_by_its_ratio() -> None:
    bomb = _zip({"word/document.xml": b"0" * (20 * 1024 * 1024)})
    assert len(bomb) < 100_000
    with pytest.raises(ArchiveRefused, match="压缩比"):
        check_archive(bomb)


def test_a_total_beyond_the_cap_is_refused() -> None:
    data = _zip({f"part{i}.xml": bytes(range(256)) * 4096 for i in range(3)})
    with pytest.raises(ArchiveRefused, match="超过上限"):
        check_archive(data, max_total=2 * 1024 * 1024)


def test_an_ordinary_docx_sized_archive_passes() -> None:
    check_archive(_zip({"word/document.xml": "<w:p>政府信息公开</w:p>".encode() * 2000}))


def test_bytes_that_are_no_zip_are_refused_with_a_chinese_message() -> None:
    with pytest.raises(ArchiveRefused, match="ZIP"):
        check_archive(b"PK\x03\x04 not really")


def test_a_file_object_is_rewound_after_the_check() -> None:
    stream = io.BytesIO(_zip({"a.xml": b"<a/>"}))
    check_archive(stream)
    assert stream.tell() == 0


def test_reading_a_member_stops_at_its_limit_whatever_the_directory_says() -> None:
    with zipfile.ZipFile(io.BytesIO(_zip({"a.xml": b"x" * 5000}))) as archive:
        assert read_member(archive, "a.xml", limit=5000) == b"x" * 5000
        with pytest.raises(ArchiveRefused):
            read_member(archive, "a.xml", limit=4000)
