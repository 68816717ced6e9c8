"""Yearly counts (tables 三 and 四) for a body with 100,000 applications: target ≤ 1 s.

.venv/bin/python benchmarks/bench_counts.py            # SQLite
DATABASE_URL=postgres://… .venv/bin/python benchmarks/bench_counts.py
"""

from __future__ import annotations

import sys

from common import N_APPLICATIONS, fill_applications, make_agency, report, throwaway_database, timed


def main() -> int:
    with throwaway_database():
        from gongkai.reports.counts import yearly_counts

        agency = make_agency("BENCH")
        fill_applications(agency, N_APPLICATIONS)
        fill_applications(make_agency("OTHER"), N_APPLICATIONS // 10, seed=2)  # another body's records
        print(f"{N_APPLICATIONS} applications over 2019–2025, plus {N_APPLICATIONS // 10} of another body")
        cold = timed(lambda: yearly_counts(agency, 2024))
        print(f"first call (cold caches): {cold:.3f} s")
        ok = True
        for year in (2020, 2024):
            ok &= report(
                f"yearly_counts({year})",
                [timed(lambda y=year: yearly_counts(agency, y)) for _ in range(3)],
                1.0,
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
