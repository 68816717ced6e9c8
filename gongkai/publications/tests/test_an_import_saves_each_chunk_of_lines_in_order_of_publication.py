"""A large import reads its lines a chunk at a time and saves each chunk in order of publication (the
index's order, which its rows go into about a third faster than in a file's random order): the outcome is
otherwise the file's — every good line imported once, a bad one reported by its own line number, the
progress rising to the file's size."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from gongkai.publications import importer
from gongkai.publications.importer import import_publications
from gongkai.publications.models import Publication
from gongkai.publications.tests.factories import make_cast

pytestmark = pytest.mark.django_db


def test_each_chunk_is_saved_oldest_first_and_errors_keep_their_line_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "CHUNK_LINES", 6)
    monkeypatch.setattr(importer, "BATCH", 2)
    days = [f"2024-{month:02d}-{day:02d}" for month, day in zip(range(1, 13), range(1, 13), strict=True)]
    random.Random(7).shuffle(days)
    lines = [
        json.dumps({"title": f"第{n}行的通知", "published": day}, ensure_ascii=False)
        for n, day in enumerate(days, 1)
    ]
    lines[4] = json.dumps({"title": "", "published": days[4]})  # line 5: no title
    lines[8] = '{"published": "2024-13-40", "title": "日期错误"}'  # line 9: no such date
    source = tmp_path / "items.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    positions: list[int] = []

    result = import_publications(
        agency=make_cast().agency, path=source, progress=lambda done, size: positions.append(done)
    )

    assert result.imported == 10
    assert [(error.line, bool(error.reason)) for error in result.errors] == [(5, True), (9, True)]
    saved = list(Publication.objects.order_by("pk").values_list("title", "published_on"))
    assert sorted(title for title, _ in saved) == sorted(
        f"第{n}行的通知" for n in range(1, 13) if n not in (5, 9)
    )
    line_of = {f"第{n}行的通知": n for n in range(1, 13)}
    for chunk in (range(1, 7), range(7, 13)):  # lines 1–6, then 7–12, each oldest first
        dates = [str(published) for title, published in saved if line_of[title] in chunk]
        assert dates == sorted(dates)
    assert [line_of[title] for title, _ in saved[:5]] == sorted(
        (n for n in range(1, 7) if n != 5), key=lambda n: days[n - 1]
    )
    assert positions == sorted(positions) and positions[-1] == source.stat().st_size


def test_a_chunk_ends_at_its_size_in_text_as_well_as_in_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "CHUNK_CHARACTERS", 200)
    monkeypatch.setattr(importer, "BATCH", 10)
    source = tmp_path / "items.jsonl"
    source.write_text(
        "".join(
            json.dumps({"title": "通知" * 20, "published": f"2024-01-{31 - n:02d}"}, ensure_ascii=False)
            + "\n"
            for n in range(6)
        ),
        encoding="utf-8",
    )
    with source.open("rb") as stream:
        batches = [[number for number, _, _ in batch] for batch, _ in importer._batches(stream)]
    # Each line is about 90 characters: three make a chunk; each chunk is sorted, newest line last.
    assert batches == [[3, 2, 1], [6, 5, 4]]
