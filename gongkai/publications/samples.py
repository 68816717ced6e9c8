"""Realistic publications for the demo, the tests and the benchmarks: about 300 characters of body text
drawn from real government text (the clauses of published annual reports in `data/phrases.txt`, sampled
with a Zipf-like law so that some words are everywhere and most are rare), titles in the usual forms, and
document numbers of real bodies' prefixes with every kind of year bracket."""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

PHRASES_FILE = Path(__file__).parent / "data" / "phrases.txt"
PREFIXES = [
    "慈政办发", "甬政办发", "浙政办发", "北政发", "象政发", "奉政办", "镇政发", "鄞政办发", "余政发", "宁政办",
    "甬发改投资", "甬财预", "甬教", "甬卫", "甬人社发", "甬环", "慈发改", "慈教", "北交", "象财",
]  # fmt: skip
BRACKETS = [
    ("〔", "〕"),
    ("〔", "〕"),
    ("〔", "〕"),
    ("[", "]"),
    ("［", "］"),
    ("（", "）"),
    ("(", ")"),
    ("【", "】"),
]
TITLE_FORMS = [
    "关于{0}的通知", "关于印发{0}的通知", "关于{0}的实施意见", "{0}实施办法", "关于进一步{0}的若干意见",
    "{0}工作方案", "关于{0}的公告", "{0}情况的报告", "关于{0}有关事项的通知", "关于{0}的批复",
]  # fmt: skip
PUNCTUATION = "，，，，、；。"


@cache
def phrases() -> tuple[list[str], list[float]]:
    """The phrases and their cumulative Zipf weights (rank r weighs 1/(r+1))."""
    words = [w for w in PHRASES_FILE.read_text(encoding="utf-8").split() if w]
    weights = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(words))))
    return words, weights


def _phrase(rng: random.Random) -> str:
    words, cumulative = phrases()
    return words[bisect.bisect(cumulative, rng.random() * cumulative[-1])]


def body_text(rng: random.Random, length: int = 300) -> str:
    """About `length` characters of sentences made of phrases, in paragraphs."""
    paragraphs, sentence, size = [], [], 0
    paragraph: list[str] = []
    while size < length:
        word = _phrase(rng)
        sentence.append(word)
        size += len(word) + 1
        if len(sentence) >= rng.randint(2, 5):
            paragraph.append("，".join(sentence) + "。")
            sentence = []
            if len(paragraph) >= 3:
                paragraphs.append("".join(paragraph))
                paragraph = []
    if sentence:
        paragraph.append("，".join(sentence) + "。")
    if paragraph:
        paragraphs.append("".join(paragraph))
    return "\n".join(paragraphs)


def doc_number(rng: random.Random, year: int, *, prefix: str | None = None) -> str:
    left, right = rng.choice(BRACKETS)
    return f"{prefix or rng.choice(PREFIXES)}{left}{year}{right}{rng.randint(1, 300)}号"


@dataclass
class Sample:
    title: str
    doc_number: str
    made: date
    published: date
    body: str
    category: str
    kind: str
    validity: str


CATEGORIES = [
    ("政策文件/行政规范性文件", "normative"), ("政策文件/规章", "regulation"), ("政策文件/其他文件", "document"),
    ("政策解读", "interpretation"), ("规划信息", "document"), ("统计信息", "document"), ("财政预决算", "document"),
    ("行政许可和其他对外管理服务事项", "document"), ("重大建设项目", "document"), ("民生政策和实施情况/教育", "document"),
    ("民生政策和实施情况/社会保障", "document"), ("监督检查", "document"), ("公务员招考", "document"),
]  # fmt: skip


def samples(
    n: int,
    *,
    seed: int = 1,
    first: date = date(2008, 1, 1),
    last: date = date(2025, 12, 31),
    body_length: int = 300,
) -> Iterator[Sample]:
    """n items published between `first` and `last`, about 1 in 8 a normative document (some repealed or
    expired), most with a document number."""
    rng = random.Random(seed)
    span = (last - first).days
    for _ in range(n):
        published = first + timedelta(days=rng.randrange(span + 1))
        made = published - timedelta(days=rng.choice([0, 1, 2, 3, 5, 8, 13, 21, 34]))
        category, kind = rng.choices(CATEGORIES, weights=[6, 1, 10, 3, 2, 2, 2, 3, 2, 2, 2, 2, 1])[0]
        validity = ""
        if kind in ("normative", "regulation"):
            validity = rng.choices(["in_force", "expired", "repealed"], weights=[7, 2, 1])[0]
        yield Sample(
            title=rng.choice(TITLE_FORMS).format(_phrase(rng)),
            doc_number=doc_number(rng, made.year) if rng.random() < 0.7 else "",
            made=made,
            published=published,
            body=body_text(rng, body_length),
            category=category,
            kind=kind,
            validity=validity,
        )
