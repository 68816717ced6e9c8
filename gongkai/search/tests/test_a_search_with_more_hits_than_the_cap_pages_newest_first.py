"""Past the cap of exact totals (engine.TOTAL_CAP, made small here) a search says "more than" and its pages
are still the newest hits in order: hits spread over the years (found by walking the newest-first order)
and hits gathered in earlier years (a year in a document number: read year by year from the newest),
with and without filters, on the database the suite runs on."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.publications.models import Publication, Status
from gongkai.publications.samples import samples
from gongkai.publications.sanitize import body_text
from gongkai.publications.tests.factories import as_line, load_lines, make_agency
from gongkai.search import engine
from gongkai.search.text import normalize, split_terms

pytestmark = pytest.mark.django_db


def test_pages_past_the_cap_are_the_newest_hits(monkeypatch: pytest.MonkeyPatch) -> None:
    city = make_agency("SX", "测试市人民政府")
    a = make_agency("SX-A", "测试市甲局", parent=city)
    corpus = list(samples(800, seed=11, first=date(2018, 1, 1), last=date(2024, 12, 31), body_length=80))
    load_lines(city, [as_line(s) for s in corpus[:400]])
    load_lines(a, [as_line(s) for s in corpus[400:]])
    items = list(Publication.objects.filter(status=Status.PUBLISHED))
    texts = {p.pk: [normalize(p.title), normalize(p.doc_number), normalize(body_text(p.body))] for p in items}
    order = {p.pk: (p.published_on, p.index_number) for p in items}

    def want(query: str, keep: set[int] | None = None) -> list[int]:
        terms = split_terms(query)
        hits = [
            pk
            for pk, f in texts.items()
            if (keep is None or pk in keep) and all(any(t in x for x in f) for t in terms)
        ]
        return sorted(hits, key=lambda pk: order[pk], reverse=True)

    monkeypatch.setattr(engine, "TOTAL_CAP", 40)
    only_a = {p.pk for p in items if p.agency_id == a.pk}
    checked = 0
    for query in ["的", "工作", "〔2018〕", "〔2019〕", "公开 的"]:
        for keep, filters in ((None, engine.Filters()), (only_a, engine.Filters(agency_id=a.pk))):
            expected = want(query, keep)
            if len(expected) <= 40:
                continue
            checked += 1
            for walk in (
                (1_000, 20_000),
                (5, 5),
            ):  # the walk finds the page, or is too short and years are read
                monkeypatch.setattr(engine, "WALK_MIN_ROWS", walk[0])
                monkeypatch.setattr(engine, "WALK_MAX_ROWS", walk[1])
                for page, per_page in ((1, 20), (2, 7), (6, 7)):
                    found = engine.search(query, filters, page=page, per_page=per_page)
                    assert (found.total, found.total_is_exact) == (40, False), query
                    start = (page - 1) * per_page
                    assert found.publication_ids == expected[start : min(start + per_page, 40)], (
                        query,
                        page,
                        walk,
                    )
    assert checked >= 6
