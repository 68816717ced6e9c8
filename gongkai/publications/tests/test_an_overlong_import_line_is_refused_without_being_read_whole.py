"""A line of an import file past the cap (MAX_LINE) is reported with its number and skipped without being
read whole: a file of gigabytes with no line break took as much memory as its size before it was refused.
The lines after it are read with their right numbers."""

from __future__ import annotations

import json
import tracemalloc
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.publications import importer
from gongkai.publications.models import Publication
from gongkai.publications.tests.factories import make_cast

pytestmark = pytest.mark.django_db


def test_a_30_mb_line_is_skipped_in_the_memory_of_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "MAX_LINE", 1_000_000)
    make_cast()
    source = tmp_path / "items.jsonl"
    good = json.dumps(
        {"title": "关于公布行政许可事项清单的通知", "published": "2024-03-01"}, ensure_ascii=False
    )
    with source.open("wb") as out:
        out.write(good.encode() + b"\n")
        out.write(b'{"title": "' + b"x" * (30 * 1024 * 1024) + b'"}\n')
        out.write(good.replace("行政许可", "行政处罚").encode() + b"\n")
    err = StringIO()
    tracemalloc.start()
    try:
        with pytest.raises(CommandError):
            call_command(
                "publications", "import", str(source), "--agency", "NB-FGW", stdout=StringIO(), stderr=err
            )
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10 * 1024 * 1024
    assert "第 2 行" in err.getvalue() and "该行超过 1 MB" in err.getvalue()
    assert Publication.objects.count() == 2
