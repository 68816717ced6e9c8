"""Writes N realistic publications as JSON Lines for `gongkai publications import` (the search benchmark's
data; keep it out of the repository, e.g. under /tmp).

    .venv/bin/python benchmarks/gen_publications.py 100000 /tmp/gk-pubs-100k.jsonl [--seed 1]

Each item: about 300 characters of body drawn from real government text (see
gongkai/publications/samples.py), a title, a document number for 70% (real prefixes, every kind of year
bracket), dates spread over 2008–2025, a category path, normative documents with their validity.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gongkai.publications.samples import samples


def line(sample) -> dict:  # type: ignore[no-untyped-def]
    item = {
        "title": sample.title,
        "published": sample.published.isoformat(),
        "made": sample.made.isoformat(),
        "body": sample.body,
        "category": sample.category,
        "kind": sample.kind,
    }
    if sample.doc_number:
        item["doc_number"] = sample.doc_number
    if sample.validity:
        item["validity"] = sample.validity
        if sample.validity != "in_force":
            item["validity_changed"] = sample.published.isoformat()
    return item


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.monotonic()
    with open(args.output, "w", encoding="utf-8") as out:
        for sample in samples(args.n, seed=args.seed):
            out.write(json.dumps(line(sample), ensure_ascii=False) + "\n")
    print(f"{args.n} items → {args.output} in {time.monotonic() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
