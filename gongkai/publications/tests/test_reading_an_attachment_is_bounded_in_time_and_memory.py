"""Reading an attachment's text is bounded: a small PDF whose content inflates to hundreds of megabytes is
refused for its memory in seconds, and so is a sound DOCX too large to parse within the cap (for its memory,
not as a broken file); a reader that reads nothing within the time is refused, and a long PDF past the time
keeps the pages read by then, noted. Before, a 500-kilobyte PDF kept a worker busy for more
than five minutes and a 400-kilobyte PDF of 500 dense pages for about a minute."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from gongkai.publications import attachments, services
from gongkai.publications.models import Attachment, AttachmentType
from gongkai.publications.tests.factories import draft, make_cast
from gongkai.publications.tests.files import pdf_bomb, pdf_of_pages


def test_a_pdf_that_inflates_past_the_memory_cap_is_refused_in_seconds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(attachments, "EXTRACT_MEMORY", 64 * 1024 * 1024)
    bomb = pdf_bomb(256 * 1024 * 1024)
    assert len(bomb) < 1024 * 1024
    started = time.monotonic()
    with pytest.raises(ValidationError, match="所需内存超过 64 MB"):
        attachments.check_file("通知.pdf", bomb)
    assert time.monotonic() - started < 60  # over five minutes without the cap; generous for a loaded machine


# Run in a new interpreter: a forked reader may use the free memory its parent already holds beyond the
# cap, which after hundreds of tests in one process is enough to parse this file (then slowly, into the
# time limit); a new interpreter holds next to none.
_READ_LARGE_DOCX = """
import django
django.setup()
from django.core.exceptions import ValidationError
from gongkai.publications import attachments
from gongkai.publications.tests.files import docx_of_paragraphs
attachments.EXTRACT_MEMORY = 64 * 1024 * 1024
try:
    attachments.check_file("汇编.docx", docx_of_paragraphs(300_000))
    print("accepted")
except ValidationError as error:
    print(*error.messages)
"""


def test_a_sound_docx_too_large_for_the_memory_cap_is_refused_for_its_memory_not_as_broken() -> None:
    # 16 MB of XML in 3.5 MB: the parser needs more than 64 MB.
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "gongkai.settings", "PYTHONIOENCODING": "utf-8"}
    run = subprocess.run(  # noqa: S603 (this interpreter, our own script)
        [sys.executable, "-c", _READ_LARGE_DOCX],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        cwd=Path(__file__).resolve().parents[3],
        timeout=120,
        check=True,
    )
    assert "所需内存超过 64 MB" in run.stdout, run.stdout + run.stderr
    assert "损坏" not in run.stdout  # it used to say the file was broken (an XMLSyntaxError)


def test_a_reader_that_reads_nothing_within_the_time_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def stuck(data: bytes, name: str) -> Iterator[str]:
        time.sleep(60)
        yield "1"

    monkeypatch.setattr(attachments, "EXTRACT_SECONDS", 0.5)
    monkeypatch.setattr(attachments, "_pdf_pages", stuck)
    started = time.monotonic()
    with pytest.raises(ValidationError, match="秒内未能读出任何一页"):
        attachments.extract_text(AttachmentType.PDF, b"%PDF-1.4", "慢.pdf")
    assert time.monotonic() - started < 30  # the reader would take 60 s


def test_a_long_pdf_past_the_time_keeps_the_pages_read_by_then(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attachments, "EXTRACT_SECONDS", 2.0)
    long_pdf = pdf_of_pages(200)  # about 20 seconds to read on an idle machine
    started = time.monotonic()
    text, note = attachments.extract_text(AttachmentType.PDF, long_pdf, "长文件.pdf")
    assert time.monotonic() - started < 15  # the whole file takes about 20 s on an idle machine
    assert "宁波市发展和改革委员会" in text
    assert note.startswith("共 200 页，读取超过 2 秒，只提取了前 ") and note.endswith(" 页的文字")


@pytest.mark.django_db
def test_a_refused_bomb_stores_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    monkeypatch.setattr(attachments, "EXTRACT_MEMORY", 64 * 1024 * 1024)
    cast = make_cast()
    item = draft(cast)
    with override_settings(MEDIA_ROOT=str(tmp_path)), pytest.raises(ValidationError, match="内存"):
        services.publication_add_attachment(
            actor=cast.staff, publication=item, name="炸弹.pdf", data=pdf_bomb(256 * 1024 * 1024)
        )
    assert Attachment.objects.count() == 0
