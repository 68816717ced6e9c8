"""A page of hits whose bodies or attachments run to millions of characters is served in well under a
second: the snippet is looked for in the first `SCAN` characters, a window at a time, and only the window
with the first match is mapped character by character; the database sends only those beginnings. Before,
a page of 20 hits with two-million-character attachments took 20 seconds, for any anonymous reader."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from gongkai.publications.models import Attachment
from gongkai.publications.tests.factories import draft, make_cast, publish
from gongkai.search import highlight
from gongkai.search.selectors import search_publications

pytestmark = pytest.mark.django_db

LONG = ("宁波市重点建设项目 计划印发 各区县\n" * 120_000)[:2_000_000]


@pytest.fixture
def mapped(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of every text mapped character by character."""
    lengths: list[int] = []
    original = highlight._normal_map

    def spy(text: str) -> tuple[str, Sequence[int]]:
        lengths.append(len(text))
        return original(text)

    monkeypatch.setattr(highlight, "_normal_map", spy)
    return lengths


def test_hits_in_long_attachments_map_only_a_window_each(mapped: list[int]) -> None:
    cast = make_cast()
    for number in range(5):
        item = draft(cast, title=f"第{number}号公告", body="详见附件。")
        Attachment.objects.create(
            publication=item, name="清单.pdf", file="x.pdf", type="pdf", size=1, sha256="0" * 64, text=LONG
        )
        publish(cast, item)
    found = search_publications("建设项目")
    assert found.total == 5
    for hit in found.hits:
        shown = "".join(part.text for part in hit.snippet_parts)
        assert shown.startswith("附件“清单.pdf”：宁波市重点")
        assert next(part.text for part in hit.snippet_parts if part.mark) == "建设项目"
    assert max(mapped) <= highlight.WINDOW + 100
    assert sum(mapped) < 100_000


def test_a_match_deep_in_the_scanned_part_is_highlighted_where_it_is() -> None:
    text = "无关内容，" * 10_000 + "象山港大桥" + "其他内容。" * 10_000
    parts = highlight.snippet(text, ["象山港大桥"])
    assert [part.text for part in parts if part.mark] == ["象山港大桥"]
    assert parts[0].text == "…" and parts[-1].text == "…"
    assert len("".join(part.text for part in parts)) <= highlight.SNIPPET + 2
