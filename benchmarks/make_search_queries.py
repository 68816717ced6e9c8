"""Makes the fixed query set of the search benchmark (data/search_queries.json): 100 queries in each class —
one character, two characters, four characters, document numbers — spread over ten frequency bands from rare
to very common, as measured on 20,000 items of the generator (seed 1). Run once; the file is committed so
every run measures the same queries.

    .venv/bin/python benchmarks/make_search_queries.py
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gongkai.publications.samples import PREFIXES, samples
from gongkai.search.text import normalize

SAMPLE = 20_000
BANDS = [0, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.6, 1.01]  # share of items holding the term
PER_CLASS = 100
OUT = Path(__file__).parent / "data" / "search_queries.json"


def grams(text: str, n: int) -> set[str]:
    return {text[i : i + n] for i in range(len(text) - n + 1)}


def spread(df: Counter[str], rng: random.Random) -> list[dict[str, object]]:
    """Ten from each band (more from the neighbours where a band has fewer)."""
    bands: list[list[str]] = [[] for _ in range(len(BANDS) - 1)]
    for term, count in df.items():
        share = count / SAMPLE
        for b in range(len(BANDS) - 1):
            if BANDS[b] < share <= BANDS[b + 1]:
                bands[b].append(term)
                break
    chosen: list[str] = []
    want = PER_CLASS // len(bands)
    spare = 0
    for band in bands:
        band.sort()
        rng.shuffle(band)
        take = band[: want + spare]
        spare = want + spare - len(take)
        chosen += take
    if len(chosen) < PER_CLASS:
        rest = sorted(set(df) - set(chosen))
        rng.shuffle(rest)
        chosen += rest[: PER_CLASS - len(chosen)]
    return [{"q": t, "sample_share": round(df[t] / SAMPLE, 6)} for t in chosen[:PER_CLASS]]


def main() -> None:
    rng = random.Random(11)
    docs = []
    numbers = []
    for s in samples(SAMPLE, seed=1):
        docs.append([normalize(s.title), normalize(s.doc_number), normalize(s.body)])
        if s.doc_number:
            numbers.append(s.doc_number)
    classes: dict[str, list[dict[str, object]]] = {}
    for name, n in (("one_char", 1), ("two_chars", 2), ("four_chars", 4)):
        df: Counter[str] = Counter()
        for fields in docs:
            df.update(set().union(*(grams(f, n) for f in fields)))
        if n == 4:  # keep only four characters without punctuation, as people type them
            df = Counter(
                {t: c for t, c in df.items() if all("\u4e00" <= ch <= "\u9fff" or ch.isdigit() for ch in t)}
            )
        classes[name] = spread(df, rng)
    # Document numbers as people type them: whole (in another bracket than printed), body and year, the year
    # in brackets, the prefix alone.
    forms: Counter[str] = Counter()
    for number in numbers:
        n = normalize(number)
        prefix, rest = n.split("〔", 1)
        year, tail = rest.split("〕", 1)
        forms.update({n, f"{prefix}〔{year}〕", prefix, f"〔{year}〕", f"{year}〕{tail}"})
    variants = []
    for item in spread(forms, rng):
        text = str(item["q"])
        left, right = rng.choice([("[", "]"), ("（", "）"), ("〔", "〕"), ("【", "】")])
        variants.append({**item, "q": text.replace("〔", left).replace("〕", right)})
    classes["doc_numbers"] = variants
    payload = {"sample": SAMPLE, "prefixes": PREFIXES, "classes": classes}
    OUT.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for name, items in classes.items():
        shares = sorted(float(str(i["sample_share"])) for i in items)
        print(
            f"{name}: {len(items)} queries, share {shares[0]:.5f} … {shares[len(shares) // 2]:.5f} … {shares[-1]:.3f}"
        )


if __name__ == "__main__":
    main()
