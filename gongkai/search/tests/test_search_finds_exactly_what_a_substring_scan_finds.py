"""The search's result set for every query equals a plain substring scan of N(title), N(document
number), N(body) and N(attachments) over a generated corpus of several thousand items, on the database
the suite runs on (SQLite, and PostgreSQL with DATABASE_URL): one-, two-, three-, four- and six-character
terms, document numbers with every kind of year bracket, several terms, terms found nowhere, with and
without filters, newest first and paged."""

from __future__ import annotations

import random
from datetime import date

import pytest

from gongkai.publications.models import Publication, Status
from gongkai.publications.samples import samples
from gongkai.publications.sanitize import body_text
from gongkai.publications.tests.factories import as_line, load_lines, make_agency
from gongkai.search import engine
from gongkai.search.text import normalize, split_terms

pytestmark = pytest.mark.django_db

TRICKY = [
    {
        "title": "关于ＡＢＣ１２３全角字符的通知",
        "published": "2020-05-05",
        "doc_number": "慈政办发［２０１８］８２号",
        "body": "全角　空格 与 半角 空格",
    },
    {
        "title": "跨行的词：政府\n信息公开",
        "published": "2020-05-05",
        "doc_number": "甬政办发(2018)82号",
        "body": "𠮷野家 第一期 ✓ 表情",
    },
    {"title": "单字", "published": "2020-05-06", "doc_number": "", "body": "甲"},
    {
        "title": "重复的重复的重复",
        "published": "2020-05-06",
        "doc_number": "慈政办发【2018】82号",
        "body": "ABAB ABA BAB",
    },
]


def oracle(items: list[Publication]) -> dict[int, list[str]]:
    return {p.pk: [normalize(p.title), normalize(p.doc_number), normalize(body_text(p.body))] for p in items}


def expected(
    fields: dict[int, list[str]], order: dict[int, tuple[date, str]], query: str, keep: set[int] | None = None
) -> list[int]:
    terms = split_terms(query)
    hits = [
        pk
        for pk, texts in fields.items()
        if (keep is None or pk in keep) and all(any(t in f for f in texts) for t in terms)
    ]
    return sorted(hits, key=lambda pk: order[pk], reverse=True)


def test_every_query_finds_exactly_the_substring_hits_newest_first() -> None:
    city = make_agency("SX", "测试市人民政府")
    a = make_agency("SX-A", "测试市甲局", parent=city)
    b = make_agency("SX-B", "测试市乙局", parent=city)
    c = make_agency("SX-B-C", "测试市乙局下属单位", parent=b)
    corpus = list(samples(3000, seed=7, first=date(2019, 1, 1), last=date(2024, 12, 31), body_length=120))
    load_lines(a, [as_line(s) for s in corpus[:1500]] + TRICKY)
    load_lines(b, [as_line(s) for s in corpus[1500:2500]])
    load_lines(c, [as_line(s) for s in corpus[2500:]])
    items = list(Publication.objects.filter(status=Status.PUBLISHED))
    assert len(items) == 3004
    fields = oracle(items)
    # Every item here is published, with its index number: the fallbacks only satisfy the type.
    order = {p.pk: (p.published_on or date.min, p.index_number or "") for p in items}
    rng = random.Random(3)

    queries = ["ＡＢＣ", "abc", "ABC123", "慈政办发〔2018〕82号", "慈政办发[2018]82号", "慈政办发(2018)82号",
               "慈政办发【2018】82号", "甬政办发〔2018〕", "政府信息", "府信", "信息 政府", "𠮷", "𠮷野", "甲", "ABA",
               "BABA", "重复的重复", "不存在的词语组合", "的", "工作", "公开 工作 情况", "全角空格", "第一期✓",
               "管理办法", "队伍建设", "加强管理", "建设管理", "重复的重", "复的重复", "字符的通", "的通知", "的批复",
               "的重复的"]  # fmt: skip
    for _ in range(120):
        p = rng.choice(items)
        source = rng.choice([t for t in fields[p.pk] if t])
        length = rng.choice([1, 2, 2, 3, 4, 4, 6])
        start = rng.randrange(max(1, len(source) - length + 1))
        queries.append(source[start : start + length])
    for _ in range(20):
        two = [rng.choice(items), rng.choice(items)]
        queries.append(" ".join(fields[p.pk][2][:2] for p in two))

    for query in queries:
        want = expected(fields, order, query)
        found = engine.search(query, page=1, per_page=10_000)
        assert found.total == min(len(want), engine.TOTAL_CAP), query
        assert found.publication_ids == want[: engine.TOTAL_CAP], query

    # Filters: a body, a subtree, a year, a validity; paging gives the same order in slices.
    subtree = {p.pk for p in items if p.agency_id in (b.pk, c.pk)}
    only_a = {p.pk for p in items if p.agency_id == a.pk}
    in_2021 = {p.pk for p in items if p.published_on and p.published_on.year == 2021}
    repealed = {p.pk for p in items if p.validity == "repealed"}
    for query in queries[:60]:
        for keep, filters in (
            (subtree, engine.Filters(agency_id=b.pk, subtree=True, agency_path=b.path)),
            (only_a, engine.Filters(agency_id=a.pk)),
            (in_2021, engine.Filters(year=2021)),
            (repealed, engine.Filters(validity="repealed")),
        ):
            want = expected(fields, order, query, keep)
            found = engine.search(query, filters, page=1, per_page=10_000)
            assert found.publication_ids == want, (query, filters)
        want = expected(fields, order, query)
        if len(want) > 14:
            assert engine.search(query, page=2, per_page=7).publication_ids == want[7:14], query
