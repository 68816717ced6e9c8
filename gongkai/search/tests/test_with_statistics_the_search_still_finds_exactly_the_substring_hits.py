"""Once PostgreSQL has statistics of the tokens, the search chooses how to read by them: a long term asks
the GIN index for some of its bigrams only, and a query whose long term is in most rows is counted in the
table's order. Neither changes an answer: every query still finds exactly the substring hits, newest
first, with the exact total up to the cap (made small here) and "more than" past it, outside a
transaction and inside one, and when the statistics mislead (a rare term taken for a common one)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

import pytest
from django.db import connection, transaction

from gongkai.publications.models import Publication, Status
from gongkai.publications.samples import samples
from gongkai.publications.sanitize import body_text
from gongkai.publications.tests.factories import as_line, load_lines, make_agency
from gongkai.search import engine, lexemes
from gongkai.search.text import normalize, split_terms

CAP = 40


@dataclass
class Corpus:
    texts: dict[int, list[str]]
    order: dict[int, tuple[date, str]]
    queries: list[str] = field(default_factory=list)

    def want(self, query: str) -> list[int]:
        terms = split_terms(query)
        hits = [pk for pk, f in self.texts.items() if all(any(t in x for x in f) for t in terms)]
        return sorted(hits, key=lambda pk: self.order[pk], reverse=True)

    def check(self, query: str) -> None:
        expected = self.want(query)
        found = engine.search(query, page=1, per_page=CAP)
        assert (found.total, found.total_is_exact) == (min(len(expected), CAP), len(expected) <= CAP), query
        assert found.publication_ids == expected[:CAP], query
        if len(expected) > 14:
            assert engine.search(query, page=2, per_page=7).publication_ids == expected[7:14], query


@pytest.fixture
def corpus(monkeypatch: pytest.MonkeyPatch) -> Corpus:
    """1,200 generated items, analysed; the search reads the new statistics and caps totals at CAP."""
    if connection.vendor != "postgresql":
        pytest.skip("the statistics of the tokens are PostgreSQL's")
    agency = make_agency("SX", "测试市人民政府")
    load_lines(agency, [as_line(s) for s in samples(1200, seed=5, first=date(2019, 1, 1), body_length=120)])
    items = list(Publication.objects.filter(status=Status.PUBLISHED))
    found = Corpus(
        {p.pk: [normalize(p.title), normalize(p.doc_number), normalize(body_text(p.body))] for p in items},
        # Every item here is published, with its index number: the fallbacks only satisfy the type.
        {p.pk: (p.published_on or date.min, p.index_number or "") for p in items},
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchdoc")
    monkeypatch.setattr(lexemes, "_read", (0.0, lexemes.Statistics()))
    monkeypatch.setattr(engine, "TOTAL_CAP", CAP)
    assert lexemes.statistics().frequency, "ANALYZE lists the common lexemes"
    rng = random.Random(8)
    found.queries = [
        "政府信息公开",
        "公开工作",
        "依申请公开",
        "〔2020〕",
        "中华人民共和国",
        "不存在的词语组合",
    ]
    for _ in range(80):
        source = found.texts[rng.choice(items).pk][rng.choice([0, 2])]
        length = rng.choice([3, 4, 4, 6])
        start = rng.randrange(max(1, len(source) - length + 1))
        found.queries.append(source[start : start + length])
    return found


def spy_on_table_order(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The answers of the count in the table's order, each time it is read."""
    answers: list[bool] = []
    over_cap = engine._PostgreSQL._over_cap_in_table_order

    def spy(self: engine._PostgreSQL, cursor: object, terms: list[str], filters: engine.Filters) -> bool:
        result = over_cap(self, cursor, terms, filters)
        if lexemes.sooner_in_table_order(terms, lexemes.statistics(), engine.TOTAL_CAP + 1):
            answers.append(result)
        return result

    monkeypatch.setattr(engine._PostgreSQL, "_over_cap_in_table_order", spy)
    return answers


@pytest.mark.django_db(transaction=True)
def test_queries_read_as_the_statistics_say_find_the_substring_hits(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    pruned: list[str] = []
    worth_reading = lexemes.worth_reading

    def spy_worth_reading(term: str, known: lexemes.Statistics) -> list[str]:
        kept = worth_reading(term, known)
        if len(kept) < len(lexemes.term_lexemes(term)):
            pruned.append(term)
        return kept

    monkeypatch.setattr(lexemes, "worth_reading", spy_worth_reading)
    in_table_order = spy_on_table_order(monkeypatch)
    for query in corpus.queries:
        corpus.check(query)
    with transaction.atomic():
        for query in corpus.queries[:10]:
            corpus.check(query)
    assert pruned, "some long term left a common bigram to the text check"
    assert True in in_table_order, "some common long term was counted in the table's order"


@pytest.mark.django_db(transaction=True)
def test_statistics_that_mislead_cost_time_not_answers(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every term taken for a common one: the reading in the table's order finds too few hits of a rare
    # term and the index answers, exactly.
    monkeypatch.setattr(lexemes, "estimated_share", lambda terms, known: 1.0)
    in_table_order = spy_on_table_order(monkeypatch)
    for query in corpus.queries[6:40]:
        corpus.check(query)
    assert False in in_table_order, "a rare term was read in the table's order, then through the index"
